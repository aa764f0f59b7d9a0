import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { relocatedNative } from "~db/embedded";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function folder(prefix: string) {
  const made = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(made);
  return made;
}

test("the binaries' copy stands alone: its library links still resolve once the checkout it came from is gone", () => {
  // a checkout's native/ as the package lays it out: a library and its relative links
  const checkout = folder("masar-checkout-");
  const native = path.join(checkout, "native");
  fs.mkdirSync(path.join(native, "lib"), { recursive: true });
  fs.mkdirSync(path.join(native, "bin"));
  fs.writeFileSync(path.join(native, "lib", "libicuuc.so.60.2"), "the library");
  fs.symlinkSync("libicuuc.so.60.2", path.join(native, "lib", "libicuuc.so.60"));
  fs.writeFileSync(path.join(native, "bin", "initdb"), "#!/bin/sh\n");

  const copy = relocatedNative(native, "test", folder("masar-tmp-"));
  fs.rmSync(checkout, { recursive: true, force: true });

  const link = path.join(copy, "lib", "libicuuc.so.60");
  expect(fs.readlinkSync(link)).toBe("libicuuc.so.60.2");
  expect(fs.readFileSync(link, "utf8")).toBe("the library");
  expect(fs.existsSync(path.join(copy, ".complete"))).toBe(true);
});
