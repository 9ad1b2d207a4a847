-- Editions: the Chinese and English texts of one chapter are one document. Each edition that was loaded
-- is a row of document_editions; each commitment has one text per edition in commitment_texts (the
-- document's own language included, so every reader's text is one lookup with a fallback to
-- commitments.text). Documents are withdrawn, never deleted.

ALTER TABLE documents ADD COLUMN withdrawn_at timestamptz;

CREATE TABLE document_editions (
  document_id       bigint NOT NULL REFERENCES documents(id),
  language          text NOT NULL CHECK (language IN ('zh-Hant', 'en')),
  title             text NOT NULL,
  source_url        text,
  sha256            text NOT NULL,
  commitment_count  integer NOT NULL,
  loaded_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, language)
);

CREATE TABLE commitment_texts (
  commitment_id  bigint NOT NULL REFERENCES commitments(id),
  language       text NOT NULL CHECK (language IN ('zh-Hant', 'en')),
  text           text NOT NULL,
  headings       text[] NOT NULL DEFAULT '{}',
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (commitment_id, language)
);

-- Documents already stored are their own first edition.
INSERT INTO document_editions (document_id, language, title, source_url, sha256, commitment_count, loaded_at)
SELECT d.id, d.language, d.title, d.source_url, d.sha256,
       (SELECT count(*) FROM commitments c WHERE c.document_id = d.id AND c.withdrawn_at IS NULL), d.loaded_at
FROM documents d;

INSERT INTO commitment_texts (commitment_id, language, text, headings, updated_at)
SELECT c.id, d.language, c.text, c.headings, c.updated_at FROM commitments c JOIN documents d ON d.id = c.document_id;
