/** `npm run docs`: regenerate docs/detections.md from the catalog. */
import { writeFileSync } from 'node:fs';
import { catalogMarkdown } from '../src/detections/docs';

writeFileSync('docs/detections.md', catalogMarkdown());
console.log('wrote docs/detections.md');
