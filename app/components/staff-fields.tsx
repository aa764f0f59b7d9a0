import { useI18n } from "~/i18n/i18n-context";
import type { FieldErrors } from "~/lib/forms";
import type { Role } from "~/modules/auth/roles";
import { SelectField } from "./form";

type Org = { id: string; name: string };

export function RoleSelect({
  roles,
  defaultValue,
  errors,
}: {
  roles: readonly Role[];
  defaultValue?: string;
  errors?: FieldErrors;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      name="role"
      label="admin.users.role"
      options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
      defaultValue={defaultValue}
      errors={errors}
    />
  );
}

export function OrganisationSelect({
  organisations,
  defaultValue,
  errors,
}: {
  organisations: Org[];
  defaultValue?: string | null;
  errors?: FieldErrors;
}) {
  return (
    <SelectField
      name="organisationId"
      label="admin.users.organisation"
      placeholder="admin.users.noOrganisation"
      options={organisations.map((o) => ({ value: o.id, label: o.name }))}
      defaultValue={defaultValue ?? ""}
      errors={errors}
    />
  );
}

/** The shop of a partner shop's account; the account takes the shop's association. */
export function ShopSelect({
  shops,
  defaultValue,
  errors,
}: {
  shops: { id: string; name: string; association: string }[];
  defaultValue?: string | null;
  errors?: FieldErrors;
}) {
  return (
    <SelectField
      name="shopId"
      label="admin.users.shop"
      hint="admin.users.shopHint"
      placeholder="admin.users.noOrganisation"
      options={shops.map((s) => ({ value: s.id, label: `${s.name} — ${s.association}` }))}
      defaultValue={defaultValue ?? ""}
      errors={errors}
    />
  );
}
