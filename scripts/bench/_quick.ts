import { spawn } from "node:child_process";
import fs from "node:fs";
import autocannon from "autocannon";
const cpu = (pid: number) => { const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
const [flags, script, port, ...paths] = process.argv.slice(2);
const child = spawn(process.execPath, [...(flags ? flags.split(" ") : []), "--import", "tsx", script], { env: { ...process.env, PORT: port, HOST: "127.0.0.1", DATABASE_URL: ".tmp/bench/bench.db", NODE_ENV: "production" }, stdio: "ignore" });
await new Promise((r) => setTimeout(r, 5000));
const headers = process.env.COOKIE ? { Cookie: process.env.COOKIE } : undefined;
for (const p of paths) {
  const url = `http://127.0.0.1:${port}${p}`;
  await autocannon({ url, connections: 10, duration: 6, headers });
  const out = [];
  for (let i = 0; i < 3; i++) {
    const c0 = cpu(child.pid!);
    const r = await autocannon({ url, connections: 10, duration: 4, headers });
    const c1 = cpu(child.pid!);
    out.push(`${(r.requests.total / 4).toFixed(0)}req/s ${((c1 - c0) / r.requests.total).toFixed(2)}ms`);
  }
  console.log(flags || "-", p, out.join("  "));
}
child.kill();
