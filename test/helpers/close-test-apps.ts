// A setup file of every suite: frees the databases the file's test apps opened.
import { afterAll, afterEach } from 'vitest'
import { closeTestApps } from './app'

afterEach(() => closeTestApps('test'))
afterAll(() => closeTestApps('file'))
