-- An aid item's unit (its kind, and a voucher's face value) is fixed once stock of it has
-- moved: every balance and hand-out already counts in that unit (docs/decisions: correcting
-- budget entries and aid items). Its names can always be corrected.
CREATE FUNCTION aid_item_unit_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.kind IS DISTINCT FROM OLD.kind OR NEW.face_value_centimes IS DISTINCT FROM OLD.face_value_centimes)
     AND EXISTS (SELECT 1 FROM stock_movements WHERE item_id = OLD.id) THEN
    RAISE EXCEPTION 'an aid item''s unit cannot change once its stock has moved'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'aid_items_unit_fixed_check';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER aid_items_unit_fixed BEFORE UPDATE OF kind, face_value_centimes ON aid_items
  FOR EACH ROW EXECUTE FUNCTION aid_item_unit_fixed();
--> statement-breakpoint
-- A movement holds its item's row in share mode until it commits: a change of unit in flight
-- waits for it and then sees it (and a movement waits for a change of unit to commit), so the
-- check above holds under concurrent requests, not only one at a time.
CREATE FUNCTION stock_movement_holds_item() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM aid_items WHERE id = NEW.item_id FOR SHARE;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER stock_movements_hold_item BEFORE INSERT ON stock_movements
  FOR EACH ROW EXECUTE FUNCTION stock_movement_holds_item();
