// Write the JSON Schemas of the model to schema/ from the built library (run after tsup, by
// its `onSuccess`): schema/postmortem.schema.json and schema/postmortem-draft.schema.json.
// They are committed so they can be browsed, shipped in the package, and a test checks that
// they equal `jsonSchema()`.
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {jsonSchema} = await import(pathToFileURL(path.join(root, 'dist/index.js')).href)

await mkdir(path.join(root, 'schema'), {recursive: true})
for (const [name, draft] of [['postmortem', false], ['postmortem-draft', true]]) {
  const file = path.join(root, 'schema', `${name}.schema.json`)
  await writeFile(file, JSON.stringify(jsonSchema({draft}), null, 2) + '\n')
}
