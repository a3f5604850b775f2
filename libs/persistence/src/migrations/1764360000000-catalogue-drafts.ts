import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalogue versions a publisher edits item by item. A version stays editable (a draft) until
 * a cycle uses it, that is until a study that pins it has a cycle: submissions, snapshots and
 * their manifests then refer to it by id and hash, so from then on it never changes. The
 * application role may change a version's definition, hash and time of change only, never its
 * key, number or tenant, and never delete one; a trigger refuses the change of a version that
 * a cycle uses whatever the caller sees, so that the rule holds beside the api's own check.
 * `based_on_id` names the version a draft was started from, which its diff is compared with.
 */
export class CatalogueDrafts1764360000000 implements MigrationInterface {
  name = 'CatalogueDrafts1764360000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE catalogue_versions
        ADD COLUMN based_on_id uuid REFERENCES catalogue_versions(id),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
      GRANT UPDATE (definition, hash, updated_at) ON catalogue_versions TO cockpit_app;

      -- A definer's function: the cycles of every study that pins the version count, also
      -- those the caller's row-level security would hide.
      CREATE FUNCTION catalogue_version_unchanged_once_used() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM cycles c JOIN studies s ON s.id = c.study_id
                    WHERE s.catalogue_version_id = OLD.id) THEN
          RAISE EXCEPTION 'catalogue version % is used by a cycle and never changes', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER catalogue_versions_unchanged_once_used BEFORE UPDATE ON catalogue_versions
        FOR EACH ROW EXECUTE FUNCTION catalogue_version_unchanged_once_used();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER catalogue_versions_unchanged_once_used ON catalogue_versions;
      DROP FUNCTION catalogue_version_unchanged_once_used();
      REVOKE UPDATE (definition, hash, updated_at) ON catalogue_versions FROM cockpit_app;
      ALTER TABLE catalogue_versions DROP COLUMN based_on_id, DROP COLUMN updated_at;
    `);
  }
}
