import { afterEach, beforeAll, beforeEach, expect } from "vitest";
import type { Router } from "../../src/nlu/router.js";
import { demoRouter } from "./router.js";
import { startTestApp, type TestApp, type TestAppOptions } from "./test-app.js";

/**
 * A fresh app for every test, on a copy of the seeded database, with the real
 * router (loaded once per worker). After each test the fake LINE platform
 * must have seen nothing that violates LINE's OpenAPI document.
 */
export function useApp(options: Omit<TestAppOptions, "nlu"> & { realRouter?: boolean }, set: (t: TestApp) => void): void {
  let router: Router | undefined;
  let current: TestApp | undefined;
  beforeAll(async () => {
    if (options.realRouter !== false) router = await demoRouter();
  });
  beforeEach(async () => {
    current = await startTestApp({ ...options, nlu: router });
    set(current);
  });
  afterEach(async () => {
    expect(current!.line.violations).toEqual([]);
    await current!.stop();
  });
}
