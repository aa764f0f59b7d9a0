import { useI18n } from "~/i18n/i18n-context";
import type { FieldErrors } from "~/lib/forms";
import type { Role } from "~/modules/auth/roles";
import { FieldError } from "./form";

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
    <div className="field">
      <label htmlFor="f-role">{t("admin.users.role")}</label>
      <select id="f-role" name="role" defaultValue={defaultValue}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </select>
      <FieldError name="role" errors={errors} />
    </div>
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
  const { t } = useI18n();
  return (
    <div className={errors?.organisationId ? "field field-invalid" : "field"}>
      <label htmlFor="f-organisationId">{t("admin.users.organisation")}</label>
      <select id="f-organisationId" name="organisationId" defaultValue={defaultValue ?? ""}>
        <option value="">{t("admin.users.noOrganisation")}</option>
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <FieldError name="organisationId" errors={errors} />
    </div>
  );
}
