import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

// Preloaded (NODE_OPTIONS=--import) where --cpu-prof is not allowed: profiles this process until it exits and
// writes <pid>.cpuprofile to BENCH_PROFILE. Only the gateway listener's process profiles itself.
if (process.argv.some((arg) => arg.endsWith("gateway-server.ts"))) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.start");
  process.on("exit", () => {
    // The in-process inspector answers synchronously, so the profile is written before the process ends.
    session.post("Profiler.stop", (error, result) => {
      if (!error) writeFileSync(path.join(process.env.BENCH_PROFILE ?? ".", `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
