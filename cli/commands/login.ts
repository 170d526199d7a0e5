import type { Api } from "../api";
import { CliError, createApi, unwrap } from "../api";
import { storeCredentials } from "../config";

/** Checks a token (or exchanges a username and password for one) and stores it with the URL. */
export async function login(o: { url?: string; token?: string; username?: string; password?: string; project?: string }) {
  if (!o.url) throw new CliError("login needs --url (or YARDSTICK_URL)");
  let token = o.token;
  if (!token) {
    if (!o.username || !o.password) throw new CliError("login needs --token, or --username and --password");
    const anonymous = createApi(o.url, "");
    const body = { login: o.username, password: o.password, name: "yardstick CLI", ...(o.project ? { project: o.project } : {}) };
    token = unwrap(await anonymous.POST("/api/v1/auth/token", { body })).token;
  }
  const project = await whoAmI(createApi(o.url, token));
  storeCredentials({ url: o.url, token });
  console.log(`Logged in to ${project.name} (${project.key}) as ${project.user.username}, role ${project.role}`);
}

export async function whoAmI(api: Api) {
  return unwrap(await api.GET("/api/v1/project"));
}
