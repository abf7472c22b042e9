// What a form action reads from its argument, whatever a client sent.
import { describe, expect, it } from "vitest";
import { formValues } from "@/lib/forms";

describe("the values of a submitted form", () => {
  it("are its text fields, without React's own", () => {
    const form = new FormData();
    form.append("email", "a@b.example");
    form.append("$ACTION_ID_x", "");
    form.append("upload", new Blob(["x"]));
    expect(formValues(form)).toEqual({ email: "a@b.example" });
  });

  it.each([undefined, null, "text", ["$K1"], { email: "a@b.example" }])("are none when the argument isn't a form: %j", (argument) => {
    expect(formValues(argument)).toBeNull();
  });
});
