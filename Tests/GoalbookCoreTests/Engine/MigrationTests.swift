import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// Shipped migrations never change, and the binary carries exactly the files in the repository.
@Suite struct MigrationTests {
    /// SHA-256 of every shipped migration. A new migration adds a line here; an existing line never changes.
    static let shipped: [Int: String] = [
        1: "a3182aa533914ded311007adcddf4bdb42350de203a4fceddeb00abd04f0b93f",
        2: "144d3a2db3b0b957bba306bdee36bf37716685403cfcda02ca1398b90d338e64",
        3: "277d0908711168b6e801a9b89fc8888ed7904f467db255d7dcf9fd1f526ff6e7",
        4: "64ec45dc0055224fb6337c3a8c334aaffb6887187d1bb95135a72cd53d300da6",
        5: "cf9c68ffb04b419cacc49b9a0ed5a88ec54a69854f4485792eb7a46dd68fc39f",
        6: "a71a6dce05dc73a45c556f8c5cece82e4073580e5c7ec48a56b0965105a9b002",
        7: "f5345faf7021777cc1702b8b6665bd6abc1e469e8f72e98eaee6e78fb8240b75",
        8: "09dc98a7305b588976d61ea96817e35a154a8d57a308043ad7d49a3c2986d04f",
        9: "756324f7a26752dd510bdd451e43060250f45e28e409f2ec6f0d047682ce9bc2",
        10: "b861751253fda872a5139544c5c1d3a52fbe584109404fa60ace12857b77de97",
    ]

    /// The same for `migrations/postgres/`.
    static let shippedPostgres: [Int: String] = [
        1: "5aa048a4a2cce1b2e2f703faa35bb999f9103922e8a5d4fd65ff9fd4e103c593",
        2: "0201d92cdcf36e0e6a639c54113a5c389aea6383ca6ba117d65e56120ec4570e",
        3: "012478dc1d83d89edf0d92fddff339dcc203c20a504408cbab310be780648cf7",
        4: "80bddb3dcef0401349964bc7039680cd0e2e768999edd979b69eca12937e5404",
        5: "e36fb1bc107c1cf8eb411a14104303783d899a39f1787e5d7ccfed68e1dfe6d8",
    ]

    @Test func shippedMigrationsAreNeverModified() {
        for (migrations, shipped) in [(Migration.all, Self.shipped), (Migration.postgres, Self.shippedPostgres)] {
            for migration in migrations {
                guard let recorded = shipped[migration.version] else { continue }
                #expect(
                    migration.sha256 == recorded,
                    "migration \(migration.version)_\(migration.name) changed after it shipped: add a new migration instead")
            }
            #expect(Set(shipped.keys).isSubset(of: Set(migrations.map(\.version))), "a shipped migration was removed")
        }
    }

    @Test func versionsRunFromOneWithoutGaps() {
        #expect(Migration.all.map(\.version) == Array(1...Migration.all.count))
        #expect(Migration.postgres.map(\.version) == Array(1...Migration.postgres.count))
    }

    @Test func embeddedResourcesMatchTheFilesInTheRepository() throws {
        for (folder, embedded) in [
            ("migrations/sqlite", Resources.migrations), ("migrations/postgres", Resources.postgresMigrations), ("canon", Resources.builtInCanon),
        ] {
            let url = repositoryRoot.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { !$0.hasPrefix(".") }.sorted()
            #expect(embedded.map(\.name) == names, "the EmbedResources plugin did not embed every file")
            for file in embedded {
                let onDisk = try Data(contentsOf: url.appendingPathComponent(file.name))
                #expect(file.bytes == onDisk, "\(folder)/\(file.name) differs from the binary's copy")
            }
        }
    }

    @Test func appliedMigrationsAreRecordedWithTheirChecksums() throws {
        let (store, _) = try makeStore()
        #expect(try store.appliedMigrations().map(\.sha256) == Migration.all.map(\.sha256))
    }
}
