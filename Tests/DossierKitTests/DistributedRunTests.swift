import CaseModel
import DossierCore
import Foundation
import Testing
import TestSupport

/// docs/distributed.md: the container image, the Kubernetes Indexed Job and GNU parallel over ssh. No container engine
/// or cluster here, so each is tested as far as it runs on one machine: the image's package list against the binary's
/// libraries, its install layout, and the jobs' own shell commands run locally, shard by shard, then merged and
/// compared with one unsharded run.
@Suite(.serialized) struct DistributedRunTests {
    /// Runs a program in `directory` with `environment` added (and no inherited DOSSIER_HOME).
    static func run(_ program: String, _ arguments: [String], in directory: String = Repository.root,
                    environment: [String: String] = [:]) throws -> Repository.Run {
        try Repository.run(program, arguments, in: directory, environment: environment, removing: ["DOSSIER_HOME"])
    }

    /// A client book of 7 cases, one of them bad, and the report of rendering it in one run.
    static func clientBook(_ name: String) throws -> (root: String, cases: String, whole: String) {
        let root = Repository.temporaryFolder(name)
        let cases = root + "/cases"
        try FileManager.default.createDirectory(atPath: cases, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: Repository.path("Samples/n-600")).sorted() {
            try FileManager.default.copyItem(atPath: Repository.path("Samples/n-600/" + file), toPath: "\(cases)/\(file)")
        }
        try FileManager.default.copyItem(atPath: Repository.path("Samples/bad/mistakes.yaml"), toPath: cases + "/zz-mistakes.yaml")
        let whole = try Repository.dossier(["render", cases, "--out", root + "/whole", "--format", "html", "--date", "2026-12-01"])
        #expect(whole.status == 1, "the bad case fails, the rest render: \(whole.stderr.suffix(300))")
        return (root, cases, root + "/whole")
    }

    /// A folder with `dossier` (the one built from these sources) for PATH.
    static func binFolder(_ root: String) throws -> String {
        let bin = root + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: bin + "/dossier")
        try FileManager.default.createSymbolicLink(atPath: bin + "/dossier", withDestinationPath: Repository.executable)
        return bin
    }

    /// The merged run equals the unsharded one: same report (timings aside), same case folders, a page listing all.
    static func expectSameRun(_ merged: String, as whole: String) throws {
        #expect(try RunReportMergeTests.normalizedJSON(merged + "/report.json") == RunReportMergeTests.normalizedJSON(whole + "/report.json"))
        #expect(try RunReportMergeTests.normalizedCSV(merged + "/report.csv") == RunReportMergeTests.normalizedCSV(whole + "/report.csv"))
        let folders = { (dir: String) in try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.contains(".") }.sorted() }
        #expect(try folders(merged) == folders(whole))
        #expect(try folders(merged).count == 6)
        let page = try String(contentsOfFile: merged + "/index.html", encoding: .utf8)
        #expect(page.components(separatedBy: "<tr class=").count - 1 == 7)
        #expect(!page.contains("no manifest.json"))
    }

    static func yaml(_ relative: String) throws -> SourceValue {
        try SourceParser.parse(Repository.text(relative), file: relative).get()
    }

    static func env(_ container: SourceValue?) -> [String: String] {
        guard case .list(let items, _)? = container?["env"] else { return [:] }
        var out: [String: String] = [:]
        for item in items { if let name = item["name"]?.scalarText { out[name] = item["value"]?.scalarText } }
        return out
    }

    static func container(_ job: SourceValue) -> SourceValue? {
        guard case .list(let containers, _)? = job["spec"]?["template"]?["spec"]?["containers"] else { return nil }
        return containers.first
    }

    static func script(_ container: SourceValue?) -> String? {
        guard case .list(let command, _)? = container?["command"], command.compactMap(\.scalarText) == ["/bin/sh", "-c"],
              case .list(let args, _)? = container?["args"] else { return nil }
        return args.first?.scalarText
    }

    @Test func theImageInstallsALibraryForEveryOneTheBinaryLinks() throws {
        let containerfile = Repository.text("Containerfile")
        let stages = containerfile.components(separatedBy: "\nFROM ")
        #expect(stages.count == 3, "a build stage and a run stage")
        let runStage = try #require(stages.last)
        let installed = Set(runStage.components(separatedBy: "--no-install-recommends").last?
            .components(separatedBy: "&&").first?.split(whereSeparator: { $0 == " " || $0 == "\\" || $0 == "\n" }).map(String.init) ?? [])
        #expect(installed.contains("libharfbuzz0b"))
        // Both images are Debian 12, the release the run stage's package names (libicu72) belong to.
        #expect(containerfile.contains("ARG SWIFT_IMAGE=swift:6.3-bookworm") && containerfile.contains("ARG RUN_IMAGE=debian:bookworm-slim"))
        let readelf = try Self.run("/usr/bin/readelf", ["-d", Repository.executable])
        let needed = readelf.stdout.split(separator: "\n").compactMap { line -> String? in
            guard line.contains("(NEEDED)"), let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]") else { return nil }
            return String(line[line.index(after: open)..<close])
        }
        #expect(needed.contains("libharfbuzz.so.0"))
        // The Swift runtime and Foundation are linked in (--static-swift-stdlib); libc, libm and libstdc++ are in every Debian image.
        let inBinaryOrBase = ["libswift", "libFoundation", "lib_Foundation", "libdispatch", "libBlocksRuntime", "libc.so", "libm.so",
                              "libstdc++", "libgcc_s", "ld-linux"]
        let cache = try Self.run("/sbin/ldconfig", ["-p"]).stdout.split(separator: "\n")
        for library in needed where !inBinaryOrBase.contains(where: { library.hasPrefix($0) }) {
            // Where the loader finds it, then which package owns that file (under /lib or, merged, /usr/lib).
            let path = cache.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(library + " ") }?
                .components(separatedBy: " => ").last ?? library
            var owner = try Self.run("/usr/bin/dpkg", ["-S", path])
            if owner.status != 0 { owner = try Self.run("/usr/bin/dpkg", ["-S", "/usr" + path]) }
            let package = owner.stdout.split(separator: ":").first.map(String.init) ?? "?"
            #expect(installed.contains(package), "\(library) comes from \(package), which the run stage does not install")
        }
        // The build stage installs the headers Scripts/setup installs.
        for dev in ["libxml2-dev", "libharfbuzz-dev", "libfreetype-dev", "libicu-dev", "zlib1g-dev"] {
            #expect(stages[1].contains(dev) && Repository.text("Scripts/setup").contains(dev))
        }
    }

    @Test func theInstalledLayoutFindsItsResourcesFromAnyFolder() throws {
        let root = Repository.temporaryFolder("install")
        let install = try Self.run("/bin/bash", [Repository.path("Scripts/install-dossier"), Repository.executable, root + "/opt/dossier"])
        #expect(install.status == 0, "\(install.stderr)")
        for folder in ["Rules/sources.yaml", "Templates/dossier.css", "Fonts/NotoSans-Regular.ttf", "bin/dossier"] {
            #expect(FileManager.default.fileExists(atPath: root + "/opt/dossier/" + folder))
        }
        // As in the image: run from /data, no --resources, no DOSSIER_HOME.
        try FileManager.default.createDirectory(atPath: root + "/data", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.path(CLITests.texas), toPath: root + "/data/case.yaml")
        let render = try Self.run(root + "/opt/dossier/bin/dossier", ["render", "case.yaml", "--out", "out", "--format", "html"], in: root + "/data")
        #expect(render.status == 0, "\(render.stderr)")
        #expect(FileManager.default.fileExists(atPath: root + "/data/out/2026-0142/manifest.json"))
        #expect(FileManager.default.fileExists(atPath: root + "/data/out/index.html"))
    }

    /// Each completion index runs the Job's own command (index k renders --shard k+1/N); the merge Job joins them.
    @Test func theKubernetesIndexedJobRunShardByShardEqualsOneRun() throws {
        let job = try Self.yaml("deploy/kubernetes/render-job.yaml")
        #expect(job["kind"]?.scalarText == "Job")
        #expect(job["spec"]?["completionMode"]?.scalarText == "Indexed")
        let env = Self.env(Self.container(job))
        let shards = try #require(env["SHARDS"].flatMap { Int($0) })
        #expect(job["spec"]?["completions"]?.scalarText == String(shards))
        #expect(job["spec"]?["parallelism"]?.scalarText == String(shards))
        let render = try #require(Self.script(Self.container(job)))
        let mergeJob = try Self.yaml("deploy/kubernetes/merge-job.yaml")
        let merge = try #require(Self.script(Self.container(mergeJob)))
        #expect(Self.env(Self.container(mergeJob))["SHARDS"] == String(shards))

        let (root, cases, whole) = try Self.clientBook("k8s")
        let path = try Self.binFolder(root) + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let local = ["CASES": cases, "RUN": root + "/run", "DATE": "2026-12-01", "JOBS": "1", "FORMAT": "html", "PATH": path,
                     "DOSSIER_HOME": Repository.root]
        for index in 0..<shards {
            let pod = try Self.run("/bin/sh", ["-c", render], environment: env.merging(local) { $1 }.merging(["JOB_COMPLETION_INDEX": String(index)]) { $1 })
            // The shard with the bad case succeeds too: its error is in its report.
            #expect(pod.status == 0, "index \(index): \(pod.stderr.suffix(300))")
            #expect(FileManager.default.fileExists(atPath: "\(root)/run/shard-\(index + 1)/report.json"))
        }
        let merged = try Self.run("/bin/sh", ["-c", merge], environment: env.merging(local) { $1 })
        #expect(merged.status == 0, "\(merged.stderr)")
        try Self.expectSameRun(root + "/run/all", as: whole)
        // A usage error is not swallowed: the pod fails with 2, which the Job's podFailurePolicy turns into FailJob.
        let usage = try Self.run("/bin/sh", ["-c", render], environment: env.merging(local) { $1 }.merging(["JOB_COMPLETION_INDEX": "0", "FORMAT": "docx"]) { $1 })
        #expect(usage.status == 2)
        #expect(Repository.text("deploy/kubernetes/render-job.yaml").contains("values: [2]"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/parallel")))
    func gnuParallelOverSSHOnThisMachineEqualsOneRun() throws {
        let (root, cases, whole) = try Self.clientBook("parallel")
        let run = try Self.run("/bin/bash", [Repository.path("deploy/parallel-ssh.sh"), root + "/run", cases, "--",
                                             "--format", "html", "--date", "2026-12-01", "--jobs", "1"],
                               environment: ["SHARDS": "3", "HOSTS": ":", "DOSSIER": Repository.executable, "DOSSIER_HOME": Repository.root])
        #expect(run.status == 0, "\(run.stderr.suffix(500))")
        for k in 1...3 { #expect(FileManager.default.fileExists(atPath: "\(root)/run/shard-\(k)/report.json")) }
        try Self.expectSameRun(root + "/run/all", as: whole)
    }
}
