-- Written by hand: the schema did not change.
-- Each write to what the public pages show notifies the channel radiant_public_cache with the
-- cache tags it touches (lib/cache/store.ts): "project:<slug>" for a project's public page,
-- "projects" for the projects list, "collaborative" for the home page's figures, "outputs" for
-- the outputs list, "*" for everything. Statement-level triggers with transition tables: a bulk
-- write sends each tag once (PostgreSQL also folds identical notifications of one transaction),
-- and only when a column the public pages read has changed. Notifications are delivered at
-- commit, so a rolled-back write notifies nobody. See docs/decisions/037-public-page-cache.md.

CREATE FUNCTION radiant_public_cache_notify(project_ids uuid[], tags text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('radiant_public_cache', tag)
     FROM (SELECT 'project:' || p.slug AS tag FROM "Project" p WHERE p.id = ANY(project_ids)
           UNION SELECT unnest(tags)) AS touched;
END $$;

CREATE FUNCTION radiant_public_cache_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('radiant_public_cache', '*');
  RETURN NULL;
END $$;

-- A project: its page under its old and new address, and every list, when it is (or was) public.
CREATE FUNCTION radiant_public_cache_project() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  touched text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg('project:' || n.slug) INTO touched FROM new_rows n
     WHERE n.status::text IN ('SITE_SETUP', 'DATA_COLLECTION', 'ANALYSIS', 'COMPLETED');
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg('project:' || o.slug) INTO touched FROM old_rows o
     WHERE o.status::text IN ('SITE_SETUP', 'DATA_COLLECTION', 'ANALYSIS', 'COMPLETED');
  ELSE
    SELECT array_agg(tag) INTO touched FROM (
      SELECT unnest(ARRAY['project:' || o.slug, 'project:' || n.slug]) AS tag
        FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.status::text IN ('SITE_SETUP', 'DATA_COLLECTION', 'ANALYSIS', 'COMPLETED')
              OR n.status::text IN ('SITE_SETUP', 'DATA_COLLECTION', 'ANALYSIS', 'COMPLETED'))
         AND (o.slug, o.title, o.summary, o.aims, o.design, o.modalities, o.status, o."collectionStart", o."collectionEnd", o."targetCasesPerSite")
             IS DISTINCT FROM
             (n.slug, n.title, n.summary, n.aims, n.design, n.modalities, n.status, n."collectionStart", n."collectionEnd", n."targetCasesPerSite")
    ) AS changed;
  END IF;
  IF touched IS NOT NULL THEN
    PERFORM radiant_public_cache_notify('{}', touched || ARRAY['projects', 'collaborative', 'outputs']);
  END IF;
  RETURN NULL;
END $$;

-- A hospital taking part: the project's page, the list's count of hospitals, the home figures.
CREATE FUNCTION radiant_public_cache_project_site() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."projectId") INTO ids FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."projectId") INTO ids FROM old_rows o;
  ELSE
    SELECT array_agg(DISTINCT id) INTO ids FROM (
      SELECT unnest(ARRAY[o."projectId", n."projectId"]) AS id
        FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o."projectId", o."siteId", o.status, o."caseTarget") IS DISTINCT FROM (n."projectId", n."siteId", n.status, n."caseTarget")
    ) AS changed;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM radiant_public_cache_notify(ids, ARRAY['projects', 'collaborative']);
  END IF;
  RETURN NULL;
END $$;

-- Cases recorded (or corrected): the project's page and the home figures.
CREATE FUNCTION radiant_public_cache_progress_report() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT ps."projectId") INTO ids FROM (SELECT DISTINCT "projectSiteId" FROM new_rows) n
      JOIN "ProjectSite" ps ON ps.id = n."projectSiteId";
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT ps."projectId") INTO ids FROM (SELECT DISTINCT "projectSiteId" FROM old_rows) o
      JOIN "ProjectSite" ps ON ps.id = o."projectSiteId";
    -- Deleted with their project site (and project): the home figures still change.
    IF ids IS NULL AND EXISTS (SELECT 1 FROM old_rows) THEN ids := '{}'; END IF;
  ELSE
    SELECT array_agg(DISTINCT ps."projectId") INTO ids FROM (
      SELECT unnest(ARRAY[o."projectSiteId", n."projectSiteId"]) AS id
        FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o."projectSiteId", o."cumulativeCases", o."reportedAt") IS DISTINCT FROM (n."projectSiteId", n."cumulativeCases", n."reportedAt")
    ) AS changed JOIN "ProjectSite" ps ON ps.id = changed.id;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM radiant_public_cache_notify(ids, ARRAY['collaborative']);
  END IF;
  RETURN NULL;
END $$;

-- A project's leads, named on its page.
CREATE FUNCTION radiant_public_cache_project_lead() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."projectId") INTO ids FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."projectId") INTO ids FROM old_rows o;
  ELSE
    -- Rows as they were and as they are, each side less the other: a lead replaced (userId
    -- changed) or a row moved to another project touches both projects.
    SELECT array_agg(DISTINCT changed."projectId") INTO ids FROM (
      (SELECT o."projectId", o."userId", o.role FROM old_rows o EXCEPT SELECT n."projectId", n."userId", n.role FROM new_rows n)
      UNION
      (SELECT n."projectId", n."userId", n.role FROM new_rows n EXCEPT SELECT o."projectId", o."userId", o.role FROM old_rows o)
    ) AS changed;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM radiant_public_cache_notify(ids, '{}');
  END IF;
  RETURN NULL;
END $$;

-- A member's name, shown on the pages of the projects they lead.
CREATE FUNCTION radiant_public_cache_user() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  SELECT array_agg(DISTINCT pl."projectId") INTO ids
    FROM old_rows o JOIN new_rows n ON n.id = o.id AND n.name IS DISTINCT FROM o.name
    JOIN "ProjectLead" pl ON pl."userId" = n.id;
  IF ids IS NOT NULL THEN
    PERFORM radiant_public_cache_notify(ids, '{}');
  END IF;
  RETURN NULL;
END $$;

-- A hospital's name, town or region, shown on the pages of the projects it takes part in.
CREATE FUNCTION radiant_public_cache_site() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  SELECT array_agg(DISTINCT ps."projectId") INTO ids
    FROM old_rows o JOIN new_rows n ON n.id = o.id
     AND (n.name, n.city, n."deaneryId") IS DISTINCT FROM (o.name, o.city, o."deaneryId")
    JOIN "ProjectSite" ps ON ps."siteId" = n.id;
  IF ids IS NOT NULL THEN
    PERFORM radiant_public_cache_notify(ids, '{}');
  END IF;
  RETURN NULL;
END $$;

-- A region's name, shown on the pages of the projects with a hospital in it.
CREATE FUNCTION radiant_public_cache_deanery() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  SELECT array_agg(DISTINCT ps."projectId") INTO ids
    FROM old_rows o JOIN new_rows n ON n.id = o.id AND n.name IS DISTINCT FROM o.name
    JOIN "Site" s ON s."deaneryId" = n.id
    JOIN "ProjectSite" ps ON ps."siteId" = s.id;
  IF ids IS NOT NULL THEN
    PERFORM radiant_public_cache_notify(ids, '{}');
  END IF;
  RETURN NULL;
END $$;

-- A trainee joining or leaving the collaborative: the home figures.
CREATE FUNCTION radiant_public_cache_trainee() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Each transition table exists only for its own event: one branch each.
  IF TG_OP = 'INSERT' THEN
    IF EXISTS (SELECT 1 FROM new_rows) THEN PERFORM pg_notify('radiant_public_cache', 'collaborative'); END IF;
  ELSIF EXISTS (SELECT 1 FROM old_rows) THEN
    PERFORM pg_notify('radiant_public_cache', 'collaborative');
  END IF;
  RETURN NULL;
END $$;

-- An output: the project's page and the outputs list.
CREATE FUNCTION radiant_public_cache_output() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."projectId") INTO ids FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."projectId") INTO ids FROM old_rows o;
    IF ids IS NULL AND EXISTS (SELECT 1 FROM old_rows) THEN ids := '{}'; END IF;
  ELSE
    SELECT array_agg(DISTINCT id) INTO ids FROM (
      SELECT unnest(ARRAY[o."projectId", n."projectId"]) AS id
        FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o."projectId", o.kind, o.title, o.venue, o.date, o.doi, o.pmid)
             IS DISTINCT FROM (n."projectId", n.kind, n.title, n.venue, n.date, n.doi, n.pmid)
    ) AS changed;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM radiant_public_cache_notify(ids, ARRAY['outputs']);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER radiant_public_cache_insert AFTER INSERT ON "Project" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_project();
CREATE TRIGGER radiant_public_cache_update AFTER UPDATE ON "Project" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_project();
CREATE TRIGGER radiant_public_cache_delete AFTER DELETE ON "Project" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_project();
CREATE TRIGGER radiant_public_cache_truncate AFTER TRUNCATE ON "Project" FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_truncated();

CREATE TRIGGER radiant_public_cache_insert AFTER INSERT ON "ProjectSite" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_project_site();
CREATE TRIGGER radiant_public_cache_update AFTER UPDATE ON "ProjectSite" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_project_site();
CREATE TRIGGER radiant_public_cache_delete AFTER DELETE ON "ProjectSite" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_project_site();
CREATE TRIGGER radiant_public_cache_truncate AFTER TRUNCATE ON "ProjectSite" FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_truncated();

CREATE TRIGGER radiant_public_cache_insert AFTER INSERT ON "ProgressReport" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_progress_report();
CREATE TRIGGER radiant_public_cache_update AFTER UPDATE ON "ProgressReport" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_progress_report();
CREATE TRIGGER radiant_public_cache_delete AFTER DELETE ON "ProgressReport" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_progress_report();
CREATE TRIGGER radiant_public_cache_truncate AFTER TRUNCATE ON "ProgressReport" FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_truncated();

CREATE TRIGGER radiant_public_cache_insert AFTER INSERT ON "ProjectLead" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_project_lead();
CREATE TRIGGER radiant_public_cache_update AFTER UPDATE ON "ProjectLead" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_project_lead();
CREATE TRIGGER radiant_public_cache_delete AFTER DELETE ON "ProjectLead" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_project_lead();
CREATE TRIGGER radiant_public_cache_truncate AFTER TRUNCATE ON "ProjectLead" FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_truncated();

CREATE TRIGGER radiant_public_cache_update AFTER UPDATE ON "User" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_user();

CREATE TRIGGER radiant_public_cache_update AFTER UPDATE ON "Site" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_site();

CREATE TRIGGER radiant_public_cache_update AFTER UPDATE ON "Deanery" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_deanery();

CREATE TRIGGER radiant_public_cache_insert AFTER INSERT ON "TraineeProfile" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_trainee();
CREATE TRIGGER radiant_public_cache_delete AFTER DELETE ON "TraineeProfile" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_trainee();
CREATE TRIGGER radiant_public_cache_truncate AFTER TRUNCATE ON "TraineeProfile" FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_truncated();

CREATE TRIGGER radiant_public_cache_insert AFTER INSERT ON "ProjectOutput" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_output();
CREATE TRIGGER radiant_public_cache_update AFTER UPDATE ON "ProjectOutput" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_output();
CREATE TRIGGER radiant_public_cache_delete AFTER DELETE ON "ProjectOutput" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_output();
CREATE TRIGGER radiant_public_cache_truncate AFTER TRUNCATE ON "ProjectOutput" FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_truncated();
