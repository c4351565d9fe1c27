-- Who sent an invitation. An invitation grants at most what its sender may still grant when it is
-- accepted: an owner demoted (or removed) after inviting a second address of theirs as owner
-- cannot come back as owner through it (lib/invitations/accept-invitation.ts).
ALTER TABLE "invitations" ADD COLUMN "invited_by_id" UUID;
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
