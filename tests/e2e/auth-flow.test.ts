import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, openBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

for (const javaScriptEnabled of [false, true]) {
  describe(`accounts with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    it("signs up, logs out, logs in again and logs out, in Spanish", async () => {
      const browser = await openBrowser({ javaScriptEnabled });
      const { page } = browser;
      try {
        const email = `nueva-${javaScriptEnabled ? "js" : "nojs"}@minka.test`;
        await page.goto(server.url + "/signup");
        // A first try without consent keeps what was typed.
        await page.getByLabel("Nombre completo").fill("Felipa Choque Layme");
        await page.getByLabel("Correo electrónico o celular").fill(email);
        await page.getByLabel("Contraseña").fill("quinua-y-cafe");
        await page.getByRole("button", { name: "Crear mi cuenta" }).click();
        await expect.poll(() => page.getByText("Para crear la cuenta necesitamos su permiso").isVisible()).toBe(true);
        expect(await page.getByLabel("Nombre completo").inputValue()).toBe("Felipa Choque Layme");
        expect(await page.getByLabel("Correo electrónico o celular").inputValue()).toBe(email);

        await page.getByLabel("Contraseña").fill("quinua-y-cafe");
        await page.getByLabel("Acepto que Minka use mis datos para esto.").check();
        await page.getByRole("button", { name: "Crear mi cuenta" }).click();
        await expect.poll(() => page.getByText("Hola, Felipa.").isVisible()).toBe(true);

        await page.getByRole("button", { name: "Salir" }).click();
        await expect.poll(() => page.getByRole("link", { name: "Ingresar" }).isVisible()).toBe(true);

        await page.getByRole("link", { name: "Ingresar" }).click();
        await page.getByLabel("Correo electrónico o celular").fill(email);
        await page.getByLabel("Contraseña").fill("contraseña-mala");
        await page.getByRole("button", { name: "Ingresar" }).click();
        await expect
          .poll(() => page.getByText("El correo, el celular o la contraseña no son correctos.").isVisible())
          .toBe(true);
        expect(await page.getByLabel("Correo electrónico o celular").inputValue()).toBe(email);

        await page.getByLabel("Contraseña").fill("quinua-y-cafe");
        await page.getByRole("button", { name: "Ingresar" }).click();
        await expect.poll(() => page.getByText("Hola, Felipa.").isVisible()).toBe(true);
        await page.getByRole("button", { name: "Salir" }).click();
        await expect.poll(() => page.getByRole("link", { name: "Ingresar" }).isVisible()).toBe(true);
        expect(browser.problems).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  });
}

describe("roles and languages in the browser", () => {
  it("refuses the admin page to a member with the 403 page", async () => {
    const browser = await openBrowser({ javaScriptEnabled: false });
    const { page } = browser;
    try {
      await page.goto(server.url + "/login?redirectTo=/admin/accounts");
      await page.getByLabel("Correo electrónico o celular").fill("socia@minka.test");
      await page.getByLabel("Contraseña").fill("minka-demo-2026");
      await page.getByRole("button", { name: "Ingresar" }).click();
      await page.waitForURL("**/admin/accounts");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("No tiene permiso para ver esta página");
      const response = await page.goto(server.url + "/admin/accounts");
      expect(response?.status()).toBe(403);
    } finally {
      await browser.close();
    }
  });

  it("lets an admin open the accounts page", async () => {
    const browser = await openBrowser();
    const { page } = browser;
    try {
      await page.goto(server.url + "/login");
      await page.getByLabel("Correo electrónico o celular").fill("admin@minka.test");
      await page.getByLabel("Contraseña").fill("minka-demo-2026");
      await page.getByRole("button", { name: "Ingresar" }).click();
      await page.getByRole("link", { name: "Administración" }).click();
      await expect.poll(() => page.getByRole("heading", { name: "Cuentas" }).isVisible()).toBe(true);
      expect(await page.getByRole("row", { name: /Rosa Quispe Mamani/ }).count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  for (const javaScriptEnabled of [false, true]) {
    it(`switches language and remembers it (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const browser = await openBrowser({ javaScriptEnabled });
      const { page } = browser;
      try {
        await page.goto(server.url + "/login");
        expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Ingresar");
        await page.getByRole("button", { name: "English" }).click();
        await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Log in");
        expect(new URL(page.url()).pathname).toBe("/login");
        await page.goto(server.url + "/");
        expect(await page.locator("html").getAttribute("lang")).toBe("en");
        await page.getByRole("button", { name: "Español" }).click();
        await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("es");
      } finally {
        await browser.close();
      }
    });
  }
});

describe("accessibility", () => {
  for (const path of ["/", "/login", "/signup"]) {
    it(`axe finds no violations on ${path}, also in English and at 320 px`, async () => {
      const browser = await openBrowser({ viewport: { width: 320, height: 640 } });
      const { page } = browser;
      try {
        await page.goto(server.url + path);
        expect(await accessibilityViolations(page)).toEqual([]);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBe(0);
        await page.getByRole("button", { name: "English" }).click();
        await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
        expect(await accessibilityViolations(page)).toEqual([]);
        expect(browser.problems).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  }

  it("shows signup errors accessibly (axe on the failed form)", async () => {
    const browser = await openBrowser({ javaScriptEnabled: false });
    const { page } = browser;
    try {
      await page.goto(server.url + "/signup");
      await page.getByRole("button", { name: "Crear mi cuenta" }).click();
      await expect.poll(() => page.getByText("Escriba su nombre completo.").isVisible()).toBe(true);
      expect(await page.getByLabel("Nombre completo").getAttribute("aria-invalid")).toBe("true");
    } finally {
      await browser.close();
    }
  });
});
