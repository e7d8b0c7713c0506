// Journeys set up their state as programs would, through the server's GraphQL API.

/** A GraphQL caller for a running server; it throws when an operation gives no data at all. */
export function graphqlClient(baseUrl: () => string) {
  async function graphql(query: string, variables: Record<string, unknown> = {}, token?: string) {
    const res = await fetch(`${baseUrl()}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    })
    const body = (await res.json()) as { data?: any; errors?: unknown }
    if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`)
    return body.data
  }
  /** A demo account's bearer token. */
  const login = async (email: string) =>
    (
      await graphql(
        'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: email, p: 'nestwork-demo' },
      )
    ).login.token as string
  return { graphql, login }
}
