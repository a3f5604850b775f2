import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The release ledger of custom peer groups: every request for a custom group on a snapshot,
 * released, refused (with the rule) or answered with a group already released.
 *
 * A row belongs to the snapshot's publisher (`tenant_id`), who reads all rows of its snapshots
 * for the disclosure report. Who asked is confidential among the participants, so a company
 * reads no row at all: it writes its requests through `peer_group_request_record`, which takes
 * the requester from the transaction's tenant (never from an argument), and reads only its own
 * requests' counts through `peer_group_request_tally`, for the policy's cap per participant.
 * Rows are never changed or deleted.
 */
export class PeerGroupRequests1764220000000 implements MigrationInterface {
  name = 'PeerGroupRequests1764220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE peer_group_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        snapshot_id uuid NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
        -- The snapshot's publisher.
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        requester_tenant_id uuid NOT NULL REFERENCES organisations(id),
        requester_user_id uuid REFERENCES users(id),
        requester_api_key_id uuid REFERENCES api_keys(id),
        -- The canonical id and filter of the group asked for.
        peer_group_id text NOT NULL,
        filter jsonb NOT NULL,
        -- The units of the snapshot the filter selects.
        n integer NOT NULL CHECK (n >= 0),
        decision text NOT NULL CHECK (decision IN ('released', 'refused', 'already_released')),
        -- The disclosure rule of a refusal (min_n, differencing, custom_group_limit, ...).
        rule text,
        requested_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((decision = 'refused') = (rule IS NOT NULL)),
        CHECK (num_nonnulls(requester_user_id, requester_api_key_id) = 1)
      );
      CREATE INDEX peer_group_requests_tenant_idx
        ON peer_group_requests (tenant_id, snapshot_id, requested_at);
      CREATE INDEX peer_group_requests_requester_idx
        ON peer_group_requests (snapshot_id, requester_tenant_id);

      ALTER TABLE peer_group_requests ENABLE ROW LEVEL SECURITY;
      ALTER TABLE peer_group_requests FORCE ROW LEVEL SECURITY;
      CREATE POLICY peer_group_requests_read ON peer_group_requests FOR SELECT
        USING (tenant_id = app_current_tenant());

      -- Records a request on a snapshot the caller may ask custom groups of (its own, or the
      -- published snapshot of a study it takes part in), as the caller's tenant and by one of its
      -- users or API keys; raises insufficient_privilege otherwise.
      CREATE FUNCTION peer_group_request_record(snapshot uuid, peer_group text, group_filter jsonb,
          members integer, outcome text, refusal_rule text, requester_user uuid,
          requester_api_key uuid)
        RETURNS uuid LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        DECLARE
          recorded uuid;
        BEGIN
          INSERT INTO peer_group_requests (snapshot_id, tenant_id, requester_tenant_id,
              requester_user_id, requester_api_key_id, peer_group_id, filter, n, decision, rule)
            SELECT s.id, s.tenant_id, app_current_tenant(), requester_user, requester_api_key,
                   peer_group, group_filter, members, outcome, refusal_rule
              FROM snapshots s
             WHERE s.id = snapshot
               AND (s.tenant_id = app_current_tenant() OR snapshot_published_to_company(snapshot))
               AND (requester_user IS NULL OR EXISTS (
                     SELECT 1 FROM users u WHERE u.id = requester_user AND u.tenant_id = app_current_tenant()))
               AND (requester_api_key IS NULL OR EXISTS (
                     SELECT 1 FROM api_keys k WHERE k.id = requester_api_key AND k.tenant_id = app_current_tenant()))
            RETURNING id INTO recorded;
          IF recorded IS NULL THEN
            RAISE EXCEPTION 'no peer group request on snapshot % for this tenant', snapshot
              USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN recorded;
        END $$;

      -- The caller's own requests on a snapshot, counted by decision and rule.
      CREATE FUNCTION peer_group_request_tally(snapshot uuid)
        RETURNS TABLE (decision text, rule text, requests integer)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT r.decision, r.rule, count(*)::int
             FROM peer_group_requests r
            WHERE r.snapshot_id = snapshot AND r.requester_tenant_id = app_current_tenant()
            GROUP BY r.decision, r.rule $$;

      -- No INSERT, UPDATE or DELETE: requests are written by the function above only.
      GRANT SELECT ON peer_group_requests TO cockpit_app;
      REVOKE EXECUTE ON FUNCTION
        peer_group_request_record(uuid, text, jsonb, integer, text, text, uuid, uuid),
        peer_group_request_tally(uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION
        peer_group_request_record(uuid, text, jsonb, integer, text, text, uuid, uuid),
        peer_group_request_tally(uuid) TO cockpit_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION peer_group_request_tally(uuid),
        peer_group_request_record(uuid, text, jsonb, integer, text, text, uuid, uuid);
      DROP TABLE peer_group_requests;
    `);
  }
}
