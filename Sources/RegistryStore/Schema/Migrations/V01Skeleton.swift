extension RegistryMigrations {
    /// The walking skeleton: districts, persons and their facts, the license register with its
    /// append-only history, the hash-chained audit log, idempotency keys and the outbox.
    static let v1 = """
        CREATE TABLE district (
            code TEXT PRIMARY KEY,
            kato TEXT NOT NULL UNIQUE,
            name_kk TEXT NOT NULL,
            name_ru TEXT NOT NULL,
            name_en TEXT NOT NULL,
            republican_city INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE person (
            iin TEXT PRIMARY KEY CHECK (length(iin) = 12),
            surname TEXT NOT NULL,
            given_name TEXT NOT NULL,
            patronymic TEXT,
            residence_district TEXT NOT NULL REFERENCES district(code),
            education TEXT NOT NULL CHECK (education IN ('higherLegal', 'legalNotHigher', 'other')),
            registered_at_ms INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE person_fact (
            id INTEGER PRIMARY KEY,
            iin TEXT NOT NULL REFERENCES person(iin),
            kind TEXT NOT NULL,
            from_date TEXT NOT NULL,
            to_date TEXT,
            ground TEXT,
            reference TEXT
        ) STRICT;
        CREATE INDEX person_fact_by_person ON person_fact(iin);

        CREATE TABLE bailiff (
            iin TEXT PRIMARY KEY REFERENCES person(iin),
            district TEXT NOT NULL REFERENCES district(code),
            since TEXT NOT NULL
        ) STRICT;

        -- The State Register of licenses (142.1). holder_fold is the lower-cased
        -- surname, folded in Swift because SQLite's lower() knows ASCII only.
        CREATE TABLE license (
            number TEXT PRIMARY KEY,
            holder_iin TEXT NOT NULL REFERENCES person(iin),
            holder_fold TEXT NOT NULL,
            district TEXT NOT NULL REFERENCES district(code),
            issued_on TEXT NOT NULL,
            basis_kind TEXT NOT NULL CHECK (basis_kind IN ('attestation', 'exemption')),
            basis_reference TEXT NOT NULL,
            basis_evidence TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'terminated', 'deprived')),
            deprivation_claim_pending INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE INDEX license_by_holder ON license(holder_iin);
        CREATE INDEX license_by_status ON license(status, number);
        CREATE INDEX license_by_district ON license(district, number);
        CREATE INDEX license_by_holder_fold ON license(holder_fold, number);

        CREATE TABLE license_number_sequence (
            year INTEGER PRIMARY KEY,
            last INTEGER NOT NULL
        ) STRICT;

        -- Append-only: every decision on a license, never rewritten (ARCHITECTURE "Time and law").
        CREATE TABLE license_status_history (
            id INTEGER PRIMARY KEY,
            license_number TEXT NOT NULL REFERENCES license(number),
            status TEXT NOT NULL,
            decision_date TEXT NOT NULL,
            decided_at_ms INTEGER NOT NULL,
            effective_date TEXT NOT NULL,
            legal_basis TEXT NOT NULL,
            ground_code TEXT,
            actor TEXT NOT NULL,
            request_id TEXT NOT NULL
        ) STRICT;
        CREATE INDEX license_status_history_by_license ON license_status_history(license_number, id);
        CREATE TRIGGER license_status_history_no_update BEFORE UPDATE ON license_status_history
        BEGIN SELECT RAISE(ABORT, 'license_status_history is append-only'); END;
        CREATE TRIGGER license_status_history_no_delete BEFORE DELETE ON license_status_history
        BEGIN SELECT RAISE(ABORT, 'license_status_history is append-only'); END;

        -- Hash-chained audit log: hash = SHA-256(prev_hash || canonical content).
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY,
            at_ms INTEGER NOT NULL,
            principal TEXT NOT NULL,
            method TEXT NOT NULL,
            request_id TEXT NOT NULL,
            request_digest TEXT NOT NULL,
            outcome TEXT NOT NULL,
            subject TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        ) STRICT;
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

        -- First result of each idempotent mutation, per caller and key.
        CREATE TABLE idempotency_key (
            principal TEXT NOT NULL,
            key TEXT NOT NULL,
            method TEXT NOT NULL,
            request_digest TEXT NOT NULL,
            result BLOB NOT NULL,
            created_at_ms INTEGER NOT NULL,
            PRIMARY KEY (principal, key)
        ) STRICT;

        -- Domain events for other parts of the system (case transfer, publication), written
        -- in the same transaction as the decision that raised them.
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY,
            at_ms INTEGER NOT NULL,
            event_type TEXT NOT NULL,
            subject TEXT NOT NULL,
            payload TEXT NOT NULL
        ) STRICT;
        """
}
