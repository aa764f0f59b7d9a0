/**
 * Every page and PDF each visitor may open (the access-matrix rows they get a 200 for),
 * in Arabic and in English: no internal code reaches the reader (a snake_case value such
 * as `rabat_sale_kenitra` or `food_processing`, an enum's raw value, a message key).
 * Text a page marks as code (`<code>`: the audit log's action and record type, which
 * its filter takes as typed) is not read.
 */
import { expect, test } from "@playwright/test";
import { ACTING, EVERYONE } from "../access/types";
import { readPdfText } from "../helpers/pdf";
import { CODE, e2eFixture, login, NOT_A_PAGE, pathsFor } from "./fixtures";

// the text is read by a script in the page: once, with JavaScript, is enough
test.use({ javaScriptEnabled: true });

for (const who of EVERYONE) {
  for (const lng of ["ar", "en"] as const) {
    test(`no internal code on any page ${who} may open, in ${lng}`, async ({ page, context, baseURL }) => {
      test.setTimeout(180_000);
      if (who !== "anonymous") await login(page, ACTING[who]);
      await context.addCookies([{ name: "lng", value: lng, url: baseURL! }]);
      const paths = pathsFor(who, e2eFixture());
      const found: string[] = [];
      for (const p of paths) {
        let text: string;
        if (/\.pdf(\?|$)/.test(p)) {
          // documents are read back as a person's reader would: pdftotext
          const response = await page.request.get(p);
          expect(response.status(), p).toBe(200);
          text = readPdfText(await response.body());
        } else if (NOT_A_PAGE.test(p)) {
          continue;
        } else {
          const response = await page.goto(p);
          expect(response?.status(), p).toBe(200);
          text = await page.evaluate(() => {
            for (const code of Array.from(document.querySelectorAll("code"))) code.textContent = "";
            return document.body.innerText;
          });
        }
        for (const code of new Set(text.match(CODE) ?? [])) found.push(`${p} [${lng}] ${code}`);
      }
      expect(found).toEqual([]);
    });
  }
}
