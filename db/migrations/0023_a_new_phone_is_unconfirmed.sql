-- A changed phone number is not confirmed, unless the same update confirms it (a code that
-- came back to the new number, app/modules/auth/phone.server.ts). Whatever page changes a
-- number one day (staff correcting a person's record, an import), the new number waits
-- for its code: the confirmation belonged to the old one.
CREATE OR REPLACE FUNCTION users_phone_change_unconfirms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.phone IS DISTINCT FROM OLD.phone
     AND NEW.phone_confirmed_at IS NOT DISTINCT FROM OLD.phone_confirmed_at THEN
    NEW.phone_confirmed_at := NULL;
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER users_phone_change_unconfirms BEFORE UPDATE OF phone ON users
  FOR EACH ROW EXECUTE FUNCTION users_phone_change_unconfirms();
