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
