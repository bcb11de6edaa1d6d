import { demoSessionCookie, startAppServer } from "./app-server";
const s = await startAppServer();
console.log(await demoSessionCookie(s.url, "socia@minka.test"));
s.stop();
