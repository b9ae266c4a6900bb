CREATE SEQUENCE IF NOT EXISTS ai_content_seq START WITH 10 INCREMENT BY 10
CREATE SEQUENCE IF NOT EXISTS ai_content_section_seq START WITH 10 INCREMENT BY 10
CREATE SEQUENCE IF NOT EXISTS ai_content_image_seq START WITH 10 INCREMENT BY 10
CREATE TABLE IF NOT EXISTS ai_content (id BIGINT NOT NULL, session_hash VARCHAR(12) NOT NULL, title VARCHAR(200) NOT NULL, language VARCHAR(2) NOT NULL, section_count INTEGER NOT NULL, image_count INTEGER NOT NULL, status VARCHAR(16) NOT NULL, model VARCHAR(200), summary VARCHAR(20000), meta_title VARCHAR(200), meta_description VARCHAR(500), prompt_tokens BIGINT NOT NULL, completion_tokens BIGINT NOT NULL, error VARCHAR(2000), created_at TIMESTAMP NOT NULL, completed_at TIMESTAMP, notes VARCHAR(2000), PRIMARY KEY (id), CONSTRAINT ai_content_hash UNIQUE (session_hash))
ALTER TABLE ai_content ADD COLUMN IF NOT EXISTS notes VARCHAR(2000)
CREATE INDEX IF NOT EXISTS ai_content_created ON ai_content (created_at)
CREATE TABLE IF NOT EXISTS ai_content_heading (article_id BIGINT NOT NULL, position INTEGER NOT NULL, heading VARCHAR(500), PRIMARY KEY (article_id, position), CONSTRAINT ai_content_heading_article FOREIGN KEY (article_id) REFERENCES ai_content (id))
CREATE TABLE IF NOT EXISTS ai_content_keyword (article_id BIGINT NOT NULL, position INTEGER NOT NULL, keyword VARCHAR(200), PRIMARY KEY (article_id, position), CONSTRAINT ai_content_keyword_article FOREIGN KEY (article_id) REFERENCES ai_content (id))
CREATE TABLE IF NOT EXISTS ai_content_faq (article_id BIGINT NOT NULL, position INTEGER NOT NULL, question VARCHAR(2000), answer VARCHAR(20000), PRIMARY KEY (article_id, position), CONSTRAINT ai_content_faq_article FOREIGN KEY (article_id) REFERENCES ai_content (id))
CREATE TABLE IF NOT EXISTS ai_content_section (id BIGINT NOT NULL, article_id BIGINT NOT NULL, position INTEGER NOT NULL, heading VARCHAR(500), body VARCHAR(100000), PRIMARY KEY (id), CONSTRAINT ai_content_section_once UNIQUE (article_id, position), CONSTRAINT ai_content_section_article FOREIGN KEY (article_id) REFERENCES ai_content (id))
CREATE TABLE IF NOT EXISTS ai_content_image (id BIGINT NOT NULL, article_id BIGINT NOT NULL, position INTEGER NOT NULL, content_type VARCHAR(100) NOT NULL, alt VARCHAR(1000), bytes BYTEA NOT NULL, PRIMARY KEY (id), CONSTRAINT ai_content_image_once UNIQUE (article_id, position), CONSTRAINT ai_content_image_article FOREIGN KEY (article_id) REFERENCES ai_content (id))
ALTER TABLE ai_content ADD COLUMN IF NOT EXISTS started_by VARCHAR(200)
ALTER TABLE ai_content ADD COLUMN IF NOT EXISTS cancelled_by VARCHAR(200)
ALTER TABLE ai_content ADD COLUMN IF NOT EXISTS restarted_by VARCHAR(200)
CREATE INDEX IF NOT EXISTS ai_content_started_by ON ai_content (started_by, created_at)
