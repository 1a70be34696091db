// The engine gives the same runs as when the golden files were recorded (npm run golden):
// every scenario step, the example diagram, the engine's fixtures and random documents,
// plain and with chaos and live edits. The report must be equal number for number, and
// every hop, chaos marker, series point and live figure along the way must hash the same.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type GoldenFile, runGolden } from './run.ts';

const FILES = ['scenarios.json', 'examples.json', 'random.json'];

describe('golden runs', () => {
  for (const name of FILES) {
    it(`${name}: every run is the same as recorded, bit for bit`, () => {
      const file = JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8')) as GoldenFile;
      expect(file.cases.length).toBeGreaterThan(0);
      for (const c of file.cases) {
        const got = runGolden(file.docs, c.doc, c.run);
        // The case name first, so a failure says which run changed.
        expect({ name: c.name, report: got.report }).toEqual({ name: c.name, report: c.report });
        expect({ name: c.name, digest: got.digest }).toEqual({ name: c.name, digest: c.digest });
      }
    });
  }
});
