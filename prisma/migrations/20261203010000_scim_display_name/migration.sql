-- The name a workspace's IdP gave a SCIM user, kept on the SCIM record and shown back to that IdP
-- only. The global account's own name is the person's, and may have been set by someone this
-- workspace never provisioned: SCIM responses must not reveal it. Existing records start empty and
-- fill in with the IdP's next PUT or PATCH.
ALTER TABLE "scim_users" ADD COLUMN "display_name" TEXT;
