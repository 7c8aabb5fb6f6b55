import { readFileSync } from 'node:fs';
import { catalogMarkdown } from '../src/detections/docs';

it('given the detection catalog, then docs/detections.md is what `npm run docs` generates from it', () => {
  expect(readFileSync('docs/detections.md', 'utf8')).toBe(catalogMarkdown());
});
