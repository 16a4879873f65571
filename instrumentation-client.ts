/**
 * Runs in the browser before any of the app's code (Next.js instrumentation-client). zod probes
 * whether it may compile fast parsers with `new Function`; under the Content-Security-Policy
 * (no 'unsafe-eval', W5 in SECURITY.md) that probe fails harmlessly but is reported as a violation
 * on every page. jitless mode skips the probe; parsing stays exactly the same.
 */
import { z } from "zod";

z.config({ jitless: true });
