-- Changes to what many people's records hang from (a round and its items, an item's
-- kind or value, a training's category, a cohort's training, a user's association)
-- take the rollup's lock exclusively before they read the records to rewrite. Writers
-- about one person hold it shared until they commit (report_lock_people), so such a
-- change waits for them and then sees their records, and they wait for it and then
-- read its new values: neither can leave the other's rows computed from old values.
-- Only a change to a column the views read takes it (a cohort's confirmed_count moves
-- on every registration).
CREATE FUNCTION report_lock_everyone() RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(727275, 0) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_on_parent_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[];
BEGIN
  IF TG_TABLE_NAME = 'beneficiary_cases' THEN
    IF TG_OP = 'INSERT' THEN
      PERFORM report_refresh_people(ARRAY(SELECT coalesce(applicant_user_id, id) FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
      PERFORM report_refresh_people(ARRAY(SELECT coalesce(applicant_user_id, id) FROM old_rows));
    ELSE
      ids := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.applicant_user_id, n.organisation_id, n.household_size) IS DISTINCT FROM (o.applicant_user_id, o.organisation_id, o.household_size));
      -- lock first: the statements below then see what other writers about these people committed
      PERFORM report_lock_people(ARRAY(
        SELECT coalesce(n.applicant_user_id, n.id) FROM new_rows n WHERE n.id = ANY(ids)
        UNION SELECT coalesce(o.applicant_user_id, o.id) FROM old_rows o WHERE o.id = ANY(ids)));
      PERFORM report_refresh_people(ARRAY(
        SELECT coalesce(n.applicant_user_id, n.id) FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.applicant_user_id, n.sex, n.date_of_birth, n.estimated_age, n.nationality, n.city, n.created_at)
          IS DISTINCT FROM (o.applicant_user_id, o.sex, o.date_of_birth, o.estimated_age, o.nationality, o.city, o.created_at)
        UNION SELECT coalesce(o.applicant_user_id, o.id) FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.applicant_user_id IS DISTINCT FROM o.applicant_user_id));
      IF cardinality(ids) > 0 THEN
        PERFORM report_refresh_events('case_services', ARRAY(SELECT id FROM case_services WHERE case_id = ANY(ids)));
        PERFORM report_refresh_events('distributions', ARRAY(SELECT id FROM distributions WHERE case_id = ANY(ids)));
        PERFORM report_refresh_events('vouchers', ARRAY(SELECT id FROM vouchers WHERE case_id = ANY(ids)));
      END IF;
    END IF;
  ELSIF TG_TABLE_NAME = 'profiles' THEN
    IF TG_OP = 'INSERT' THEN PERFORM report_refresh_people(ARRAY(SELECT user_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN PERFORM report_refresh_people(ARRAY(SELECT user_id FROM old_rows));
    ELSE PERFORM report_refresh_people(ARRAY(SELECT user_id FROM new_rows UNION SELECT user_id FROM old_rows));
    END IF;
  ELSIF TG_TABLE_NAME = 'users' THEN
    ids := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.organisation_id IS DISTINCT FROM o.organisation_id);
    IF cardinality(ids) > 0 THEN
      PERFORM report_lock_everyone();
      PERFORM report_refresh_events('case_services', ARRAY(SELECT id FROM case_services WHERE recorded_by_id = ANY(ids)));
    END IF;
  ELSIF TG_TABLE_NAME = 'distribution_rounds' THEN
    ids := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.organisation_id, n.per_household) IS DISTINCT FROM (o.organisation_id, o.per_household));
    IF cardinality(ids) > 0 THEN
      PERFORM report_lock_everyone();
      PERFORM report_refresh_events('distributions', ARRAY(SELECT id FROM distributions WHERE round_id = ANY(ids)));
    END IF;
  ELSIF TG_TABLE_NAME = 'round_items' THEN
    IF TG_OP = 'INSERT' THEN ids := ARRAY(SELECT round_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN ids := ARRAY(SELECT round_id FROM old_rows);
    ELSE ids := ARRAY(SELECT round_id FROM new_rows UNION SELECT round_id FROM old_rows);
    END IF;
    PERFORM report_lock_everyone();
    PERFORM report_refresh_events('distributions', ARRAY(SELECT id FROM distributions WHERE round_id = ANY(ids)));
  ELSIF TG_TABLE_NAME = 'aid_items' THEN
    ids := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.kind, n.face_value_centimes) IS DISTINCT FROM (o.kind, o.face_value_centimes));
    IF cardinality(ids) > 0 THEN
      PERFORM report_lock_everyone();
      PERFORM report_refresh_events('distributions', ARRAY(
        SELECT d.id FROM distributions d JOIN round_items ri ON ri.round_id = d.round_id WHERE ri.item_id = ANY(ids)));
    END IF;
  ELSIF TG_TABLE_NAME = 'trainings' THEN
    ids := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.category IS DISTINCT FROM o.category);
    IF cardinality(ids) > 0 THEN
      PERFORM report_lock_everyone();
      PERFORM report_refresh_events('training_certificates', ARRAY(
        SELECT tc.id FROM training_certificates tc JOIN training_cohorts co ON co.id = tc.cohort_id WHERE co.training_id = ANY(ids)));
    END IF;
  ELSIF TG_TABLE_NAME = 'training_cohorts' THEN
    -- a registration moves confirmed_count on every seat taken: only a cohort moved to
    -- another training changes what its certificates count as
    ids := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.training_id IS DISTINCT FROM o.training_id);
    IF cardinality(ids) > 0 THEN
      PERFORM report_lock_everyone();
      PERFORM report_refresh_events('training_certificates', ARRAY(SELECT id FROM training_certificates WHERE cohort_id = ANY(ids)));
    END IF;
  ELSIF TG_TABLE_NAME = 'placements' THEN
    PERFORM report_refresh_events('placement_outcomes', ARRAY(
      SELECT o.id FROM placement_outcomes o JOIN new_rows n ON n.id = o.placement_id));
  ELSIF TG_TABLE_NAME = 'grant_applications' THEN
    ids := ARRAY(SELECT w.id FROM grant_awards w JOIN new_rows n ON n.id = w.application_id);
    PERFORM report_refresh_events('grant_awards', ids);
    PERFORM report_refresh_events('grant_tranches', ARRAY(SELECT id FROM grant_tranches WHERE award_id = ANY(ids)));
  ELSIF TG_TABLE_NAME = 'grant_awards' THEN
    PERFORM report_refresh_events('grant_tranches', ARRAY(SELECT t.id FROM grant_tranches t JOIN new_rows n ON n.id = t.award_id));
  END IF;
  RETURN NULL;
END $$;
