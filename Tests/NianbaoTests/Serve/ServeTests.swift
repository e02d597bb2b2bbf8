import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NianbaoKit
import NianbaoServe
import Testing

/// `nianbao serve`, started in-process on a free port and called over HTTP.
@Suite("nianbao serve", .serialized)
struct ServeTests {
    /// Inputs in every format the CLI reads (PDF with pdftotext, legacy formats with LibreOffice).
    static var inputs: [String] {
        var found = TestFiles.sampleStems.map { "samples:\($0).txt" }
        found += TestFiles.sampleStems.map { "docx/\($0).lo.docx" }
        found += ["docx/000_ad0b93b4492ed8bd.pandoc.docx", "html/000_ad0b93b4492ed8bd.utf8.html", "html/001_73cfe548748cf452.gbk.html",
                  "html/002_b42afd72281d3df1.page.html", "legacy/000_ad0b93b4492ed8bd.lo.docm"]
        if ServeFixtures.hasPdftotext { found += ["pdf/000_ad0b93b4492ed8bd.lo.pdf", "pdf/000_ad0b93b4492ed8bd.mupdf.pdf"] }
        if ServeFixtures.hasLibreOffice { found += ["legacy/001_73cfe548748cf452.lo.rtf"] }
        return found
    }

    static func inputURL(_ input: String) throws -> URL {
        if input.hasPrefix("samples:") { return TestFiles.samplesDirectory.appendingPathComponent(String(input.dropFirst(8))) }
        return try ServeFixtures.url(input)
    }

    @Test("every input gives the bytes the CLI writes (JSON, CSV, long CSV), raw and multipart")
    func sameBytesAsTheCLI() async throws {
        let server = try await RunningServer.start()
        for input in Self.inputs {
            let url = try Self.inputURL(input)
            let data = try Data(contentsOf: url)
            let report = try Pipeline.convert(contentsOf: url)
            let expectedJSON = try ReportOutput.data(for: report, format: .json)
            let reply = try await server.convert(data, name: url.lastPathComponent)
            #expect(reply.status == 200, "\(input): \(reply.text)")
            #expect(reply.body == expectedJSON, "\(input): JSON differs from the CLI's")
            #expect(reply.headers["content-type"]?.hasPrefix("application/json") == true)
            let csv = try await server.convert(data, name: url.lastPathComponent, to: "csv")
            #expect(csv.body == (try ReportOutput.data(for: report, format: .csv)), "\(input): CSV differs")
            let long = try await server.convert(data, name: url.lastPathComponent, to: "csv-long")
            #expect(long.body == (try ReportOutput.data(for: report, format: .csvLong)), "\(input): long CSV differs")
            let multipart = try await server.call("POST", "/v1/convert", body: RunningServer.multipart([(url.lastPathComponent, data)]),
                                                  headers: ["Content-Type": "multipart/form-data; boundary=nianbao-test-boundary"])
            #expect(multipart.body == expectedJSON, "\(input): multipart JSON differs")
        }
        #expect(server.leftoverFiles().isEmpty)
        await server.stop()
    }

    @Test("DOCX output is the DOCX writer's, and the file name may come from Content-Disposition")
    func docxAndContentDisposition() async throws {
        let server = try await RunningServer.start()
        let stem = TestFiles.sampleStems[0]
        let data = try TestFiles.sample(stem)
        let report = try Pipeline.convert(contentsOf: TestFiles.samplesDirectory.appendingPathComponent(stem + ".txt"))
        let reply = try await server.call("POST", "/v1/convert?to=docx", body: data,
                                          headers: ["Content-Disposition": "attachment; filename=\"\(stem).txt\""])
        #expect(reply.status == 200)
        #expect(reply.body == (try ReportOutput.data(for: report, format: .docx)))
        #expect(reply.headers["content-disposition"]?.contains("\(stem).docx") == true)
        // A Chinese name in filename*= (RFC 5987).
        let chinese = try await server.call("POST", "/v1/convert", body: data,
                                            headers: ["Content-Disposition": "attachment; filename*=UTF-8''%E5%B9%B4%E6%8A%A5.txt"])
        #expect(chinese.status == 200)
        #expect((chinese.json?["source"] as? [String: Any])?["file"] as? String == "年报.txt")
        await server.stop()
    }

    @Test("bad inputs get their status and a JSON error with the CLI's message")
    func badInputs() async throws {
        let server = try await RunningServer.start()
        let sample = try TestFiles.sample(TestFiles.sampleStems[0])

        let notAReport = try await server.convert(Data("今天天气很好。\n没有表格。\n".utf8), name: "weather.txt")
        #expect(notAReport.status == 422)
        #expect(notAReport.error?["stage"] as? String == "recognize")
        let cliMessage: String
        do {
            _ = try Pipeline.convert(data: Data("今天天气很好。\n没有表格。\n".utf8), fileName: "weather.txt", format: .text)
            cliMessage = ""
        } catch let error as ConversionError {
            cliMessage = error.message
        }
        #expect(!cliMessage.isEmpty)
        #expect(notAReport.error?["message"] as? String == "weather.txt: \(cliMessage)")

        let encrypted = try await server.convert(try Data(contentsOf: try ServeFixtures.url("legacy/encrypted.docx")), name: "encrypted.docx")
        #expect(encrypted.status == 422, "\(encrypted.text)")
        #expect((encrypted.error?["message"] as? String)?.hasPrefix("encrypted.docx: ") == true)

        let broken = try await server.convert(Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 1, 2, 3]), name: "broken.docx")
        #expect(broken.status == 422)
        #expect(broken.error?["stage"] as? String == "parse" || broken.error?["stage"] as? String == "read")

        let image = try await server.convert(Data([0x89, 0x50, 0x4E, 0x47]), name: "scan.png")
        #expect(image.status == 415)
        #expect(image.error?["code"] as? String == "unsupported_format")

        let unnamed = try await server.call("POST", "/v1/convert", body: sample)
        #expect(unnamed.status == 400)
        #expect((unnamed.error?["message"] as? String)?.contains("filename") == true)

        let badFormat = try await server.convert(sample, name: "a.txt", to: "xlsx")
        #expect(badFormat.status == 400)

        let empty = try await server.call("POST", "/v1/convert?filename=a.txt", body: Data())
        #expect(empty.status == 400)

        let badMultipart = try await server.call("POST", "/v1/convert", body: Data("garbage".utf8),
                                                 headers: ["Content-Type": "multipart/form-data; boundary=xyz"])
        #expect(badMultipart.status == 400)

        // A part header whose name is not ASCII (multipart-kit 4.7.1 would trap on it): 400, and the server lives on.
        let nonASCIIHeader = try await server.call("POST", "/v1/convert",
                                                   body: Data("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n名字: x\r\n\r\nabc\r\n--b--\r\n".utf8),
                                                   headers: ["Content-Type": "multipart/form-data; boundary=b"])
        #expect(nonASCIIHeader.status == 400)
        #expect(try await server.call("GET", "/healthz").status == 200)

        let notFound = try await server.call("GET", "/v1/nothing")
        #expect(notFound.status == 404)
        #expect(notFound.error?["code"] as? String == "not_found")
        #expect(server.leftoverFiles().isEmpty)
        await server.stop()
    }

    @Test("a body over --max-body is refused with 413 before it is read")
    func bodyOverTheLimit() async throws {
        let server = try await RunningServer.start { $0.maxBodyBytes = 1_048_576 }
        // 200 MB declared, 10 bytes sent: the answer comes without the rest.
        let status = try server.statusLineForDeclaredBody(path: "/v1/convert?filename=a.txt", declared: 200_000_000, sent: 10)
        #expect(status.contains("413"), "\(status)")
        // Streamed without a length: stopped once the limit is passed.
        let big = Data(repeating: 0x41, count: 1_048_577)
        let reply = try await server.convert(big, name: "big.txt")
        #expect(reply.status == 413)
        #expect(reply.error?["code"] as? String == "body_too_large")
        #expect(server.leftoverFiles().isEmpty)
        await server.stop()
    }

    @Test("a token is required when set; a non-loopback address needs one (or --no-auth)")
    func token() async throws {
        var open = ServeConfiguration()
        open.host = "0.0.0.0"
        #expect(throws: ServeConfiguration.Problem.self) { try open.check() }
        open.noAuth = true
        try open.check()
        open.noAuth = false
        open.token = "s3cret"
        try open.check()

        let server = try await RunningServer.start {
            $0.host = "0.0.0.0"
            $0.token = "s3cret"
        }
        let sample = try TestFiles.sample(TestFiles.sampleStems[1])
        let anonymous = try await server.convert(sample, name: "a.txt")
        #expect(anonymous.status == 401)
        #expect(anonymous.error?["code"] as? String == "unauthorized")
        let wrong = try await server.convert(sample, name: "a.txt", headers: ["Authorization": "Bearer s3cres"])
        #expect(wrong.status == 401)
        let right = try await server.convert(sample, name: "a.txt", headers: ["Authorization": "Bearer s3cret"])
        #expect(right.status == 200)
        #expect(try await server.call("GET", "/healthz").status == 200)
        // No CORS headers unless --cors.
        let cors = try await server.call("GET", "/version", headers: ["Origin": "http://evil.example", "Authorization": "Bearer s3cret"])
        #expect(cors.headers["access-control-allow-origin"] == nil)
        await server.stop()
    }

    @Test("50 concurrent uploads are all answered correctly")
    func concurrentUploads() async throws {
        let server = try await RunningServer.start {
            $0.jobs = 2
            $0.queue = 64
        }
        var expected: [String: Data] = [:]
        var inputs: [String: Data] = [:]
        for stem in TestFiles.sampleStems {
            let url = TestFiles.samplesDirectory.appendingPathComponent(stem + ".txt")
            inputs[stem] = try Data(contentsOf: url)
            expected[stem] = try ReportOutput.data(for: try Pipeline.convert(contentsOf: url), format: .json)
        }
        let stems = TestFiles.sampleStems
        let wrong = try await withThrowingTaskGroup(of: String?.self) { group in
            for index in 0..<50 {
                let stem = stems[index % stems.count]
                let data = inputs[stem] ?? Data()
                let want = expected[stem]
                group.addTask {
                    let reply = try await server.convert(data, name: stem + ".txt")
                    return reply.status == 200 && reply.body == want ? nil : "\(index): \(reply.status) \(reply.text.prefix(200))"
                }
            }
            var wrong: [String] = []
            for try await result in group { if let result { wrong.append(result) } }
            return wrong
        }
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
        #expect(server.leftoverFiles().isEmpty)
        await server.stop()
    }

    @Test("a child process past the timeout gives 504 and is killed; a full queue gives 503 with Retry-After")
    func timeoutAndBusy() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-serve-soffice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let marker = "NIANBAO_SERVE_TEST_\(UUID().uuidString.prefix(8))"
        let script = folder.appendingPathComponent("soffice")
        try """
        #!/bin/sh
        for arg in "$@"; do [ "$arg" = --version ] && { echo "LibreOffice 9.9.9.9 fake"; exit 0; }; done
        exec sleep 600
        """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let server = try await RunningServer.start {
            $0.jobs = 1
            $0.queue = 0
            $0.timeoutSeconds = 1
            $0.environment = ["PATH": "/usr/bin:/bin", "NIANBAO_SOFFICE": script.path, marker: "1"]
        }
        let rtf = Data("{\\rtf1\\ansi 政府信息公开工作年度报告}".utf8)
        async let slow = server.convert(rtf, name: "slow.rtf")
        try await Task.sleep(for: .milliseconds(500))
        let busy = try await server.convert(rtf, name: "second.rtf")
        #expect(busy.status == 503)
        #expect(busy.headers["retry-after"] != nil)
        let timedOut = try await slow
        #expect(timedOut.status == 504, "\(timedOut.text)")
        #expect(timedOut.error?["code"] as? String == "timeout")
        #expect(LegacyFixtures.processes(withMarker: marker).isEmpty)
        #expect(server.leftoverFiles().isEmpty)
        await server.stop()
    }

    @Test("pdftotext past --timeout gives 504 timeout (not 422), is killed, and leaves no temp file")
    func pdftotextTimeout() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-serve-pdftotext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A pdftotext that hangs; its `sleep` is found again by its unique argument.
        let seconds = String(600_000 + Int.random(in: 0..<100_000))
        let script = folder.appendingPathComponent("pdftotext")
        try "#!/bin/sh\nexec sleep \(seconds)\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        func sleepers() -> [String] {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            return entries.filter { $0.allSatisfy(\.isNumber) }.filter { pid in
                guard let line = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
                return line == Data("sleep\0\(seconds)\0".utf8)
            }
        }
        func pdfCopies() -> [String] {
            ["/dev/shm", FileManager.default.temporaryDirectory.path].flatMap { folder in
                ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix("nianbao-pdf-\(getpid())-") }
            }
        }
        let copiesBefore = Set(pdfCopies())
        let server = try await RunningServer.start {
            $0.timeoutSeconds = 2
            $0.environment = ["PATH": "\(folder.path):/usr/bin:/bin"]
        }
        let pdf = try Data(contentsOf: try ServeFixtures.url("pdf/000_ad0b93b4492ed8bd.lo.pdf"))
        async let slow = server.convert(pdf, name: "slow.pdf")
        try await Task.sleep(for: .milliseconds(800))
        #expect(sleepers().count == 1, "the fake pdftotext is not running")
        let reply = try await slow
        #expect(reply.status == 504, "\(reply.text)")
        #expect(reply.error?["code"] as? String == "timeout")
        #expect((reply.error?["message"] as? String)?.hasPrefix("slow.pdf: pdftotext did not finish within 2 s") == true, "\(reply.text)")
        #expect(reply.error?["stage"] as? String == "parse")
        #expect(sleepers().isEmpty, "pdftotext was not killed")
        #expect(server.leftoverFiles().isEmpty)
        #expect(Set(pdfCopies()).subtracting(copiesBefore).isEmpty)
        // The batch route reports the same timeout as an error line.
        let batch = try await server.call("POST", "/v1/convert-batch", body: RunningServer.multipart([("slow.pdf", pdf)]),
                                          headers: ["Content-Type": "multipart/form-data; boundary=nianbao-test-boundary"])
        #expect(batch.status == 200)
        #expect(batch.text.contains("pdftotext did not finish within 2 s"))
        #expect(sleepers().isEmpty)
        await server.stop()
    }

    @Test("GET /metrics counts requests by route and status, durations, and conversions by format and outcome (Prometheus text)")
    func metrics() async throws {
        let server = try await RunningServer.start()
        let sample = try TestFiles.sample(TestFiles.sampleStems[1])
        #expect(try await server.convert(sample, name: "a.txt").status == 200)
        #expect(try await server.convert(sample, name: "b.txt", to: "csv").status == 200)
        #expect(try await server.convert(Data("今天天气很好。\n没有表格。\n".utf8), name: "weather.txt").status == 422)
        let docx = try Data(contentsOf: try ServeFixtures.url("docx/001_73cfe548748cf452.lo.docx"))
        #expect(try await server.convert(docx, name: "c.docx").status == 200)
        let batch = try await server.call("POST", "/v1/convert-batch", body: RunningServer.multipart([("d.txt", sample), ("e.png", Data([1]))]),
                                          headers: ["Content-Type": "multipart/form-data; boundary=nianbao-test-boundary"])
        #expect(batch.status == 200)
        #expect(try await server.call("GET", "/no/such/route/\(UUID().uuidString)").status == 404)
        let reply = try await server.call("GET", "/metrics")
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"]?.hasPrefix("text/plain") == true)
        let lines = Set(reply.text.split(separator: "\n").map(String.init))
        for expected in [
            #"nianbao_conversions_total{format="text",outcome="ok"} 3"#,
            #"nianbao_conversions_total{format="text",outcome="not_a_report"} 1"#,
            #"nianbao_conversions_total{format="docx",outcome="ok"} 1"#,
            #"nianbao_http_requests_total{route="/v1/convert",method="POST",status="200"} 3"#,
            #"nianbao_http_requests_total{route="/v1/convert",method="POST",status="422"} 1"#,
            #"nianbao_http_requests_total{route="/v1/convert-batch",method="POST",status="200"} 1"#,
            #"nianbao_http_requests_total{route="other",method="GET",status="404"} 1"#,
            #"nianbao_http_request_duration_seconds_count{route="/v1/convert"} 4"#,
        ] {
            #expect(lines.contains(expected), "missing: \(expected)\n\(reply.text)")
        }
        #expect(reply.text.contains("# TYPE nianbao_http_request_duration_seconds histogram"))
        await server.stop()
    }

    @Test("batch: a zip or several multipart files → one JSONL line per report and per failure")
    func batch() async throws {
        let server = try await RunningServer.start()
        let stems = Array(TestFiles.sampleStems.prefix(2))
        var files: [(name: String, data: Data)] = try stems.map { ("\($0).txt", try TestFiles.sample($0)) }
        files.append(("notes.txt", Data("没有表格。\n".utf8)))
        files.append(("photo.png", Data([0x89, 0x50])))
        let reply = try await server.call("POST", "/v1/convert-batch", body: RunningServer.multipart(files),
                                          headers: ["Content-Type": "multipart/form-data; boundary=nianbao-test-boundary"])
        #expect(reply.status == 200)
        let lines = reply.text.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 4)
        let reports = lines.compactMap { $0?["source"] as? [String: Any] }.compactMap { $0["file"] as? String }
        #expect(Set(reports) == Set(stems.map { "\($0).txt" }))
        let failed = lines.compactMap { $0?["error"] as? [String: Any] }.compactMap { $0["file"] as? String }
        #expect(Set(failed) == ["notes.txt", "photo.png"])

        // The same files in a zip (made with the system's zip when it is there).
        let zipFolder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-serve-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: zipFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: zipFolder) }
        for file in files { try file.data.write(to: zipFolder.appendingPathComponent(file.name)) }
        let zip = Process()
        zip.executableURL = URL(fileURLWithPath: "/usr/bin/zip")
        zip.currentDirectoryURL = zipFolder
        zip.arguments = ["-q", "batch.zip"] + files.map(\.name)
        guard (try? zip.run()) != nil else {
            await server.stop()
            return
        }
        zip.waitUntilExit()
        let zipped = try await server.call("POST", "/v1/convert-batch", body: try Data(contentsOf: zipFolder.appendingPathComponent("batch.zip")),
                                           headers: ["Content-Type": "application/zip"])
        #expect(zipped.status == 200)
        #expect(zipped.text.split(separator: "\n").count == 4)
        #expect(server.leftoverFiles().isEmpty)
        await server.stop()
    }

    @Test("validate answers as `validate --format json`; schema, health, version, OpenAPI and the page are served")
    func validateAndInfo() async throws {
        let server = try await RunningServer.start()
        let stem = TestFiles.sampleStems[0]
        let report = try Pipeline.convert(contentsOf: TestFiles.samplesDirectory.appendingPathComponent(stem + ".txt"))
        let json = try ReportOutput.data(for: report, format: .json)
        let valid = try await server.call("POST", "/v1/validate", body: json, headers: ["Content-Type": "application/json"])
        #expect(valid.status == 200, "\(valid.text)")
        let summary = valid.json?["summary"] as? [String: Any]
        #expect(summary?["checked"] as? Int == 1)
        let notJSON = try await server.call("POST", "/v1/validate", body: Data("{\"schema\": 3}".utf8))
        #expect(notJSON.status == 422)
        #expect((notJSON.error?["message"] as? String)?.contains("does not match the report schema") == true)

        let schema = try await server.call("GET", "/v1/schema")
        #expect(schema.status == 200)
        #expect(schema.text.contains("nianbao.report/1"))
        #expect(try await server.call("GET", "/healthz").json?["status"] as? String == "ok")
        #expect(try await server.call("GET", "/version").json?["version"] as? String == NianbaoServer.version)
        let ready = try await server.call("GET", "/readyz")
        #expect(ready.status == 200 || ready.status == 503)
        let openAPI = try await server.call("GET", "/openapi.json")
        #expect(openAPI.json?["openapi"] as? String == "3.1.0")
        let paths = (openAPI.json?["paths"] as? [String: Any]).map { Set($0.keys) } ?? []
        #expect(paths.isSuperset(of: ["/v1/convert", "/v1/convert-batch", "/v1/validate", "/v1/schema", "/healthz", "/readyz", "/version"]))
        let page = try await server.call("GET", "/")
        #expect(page.status == 200)
        #expect(page.text.contains("v1/convert?to="))
        #expect(page.text.contains("td.null"))
        await server.stop()
    }
}

@Suite("nianbao serve shutdown")
struct ServeShutdownTests {
    @Test("graceful shutdown (SIGTERM's path) lets a request in flight finish, then removes the temporary folder")
    func inFlightRequestFinishes() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-serve-slow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("soffice")
        try """
        #!/bin/sh
        for arg in "$@"; do [ "$arg" = --version ] && { echo "LibreOffice 9.9.9.9 fake"; exit 0; }; done
        exec sleep 600
        """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let server = try await RunningServer.start {
            $0.timeoutSeconds = 1
            $0.environment = ["PATH": "/usr/bin:/bin", "NIANBAO_SOFFICE": script.path]
        }
        async let slow = server.convert(Data("{\\rtf1\\ansi report}".utf8), name: "slow.rtf")
        // Stopped once the request is in flight (its temporary folder made), however loaded the
        // machine: a fixed 0.4 s once stopped the server before the request reached it.
        for _ in 0..<300 where server.leftoverFiles().isEmpty {
            try await Task.sleep(for: .milliseconds(100))
        }
        try await Task.sleep(for: .milliseconds(200))
        await server.stop()
        // The request started before the shutdown still gets its (timed-out) answer.
        let reply = try await slow
        #expect(reply.status == 504)
        #expect(server.leftoverFiles().isEmpty)
    }
}

@Suite("nianbao serve upload page in a browser")
struct ServeBrowserTests {
    /// What the browser check needs and is missing here (empty when it can run).
    static var missingForBrowser: [String] {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        func onPath(_ name: String) -> Bool { path.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") } }
        var missing: [String] = []
        if !onPath("chromium") && !onPath("chromium-browser") && !onPath("google-chrome") { missing.append("chromium") }
        if !onPath("chromedriver") { missing.append("chromedriver") }
        if !onPath("python3") {
            missing.append("python3")
        } else {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            probe.arguments = ["python3", "-c", "import selenium"]
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            if (try? probe.run()) == nil { missing.append("selenium") } else {
                probe.waitUntilExit()
                if probe.terminationStatus != 0 { missing.append("selenium (pip)") }
            }
        }
        return missing
    }

    @Test("the upload page in headless Chromium: uploads render the template's tables with the right values, marked cells, findings and working downloads")
    func uploadPageInChromium() async throws {
        let missing = Self.missingForBrowser
        if !missing.isEmpty {
            print("SKIPPED: upload page browser check (Scripts/browser-check.py): missing \(missing.joined(separator: ", ")); install chromium chromium-driver and pip selenium to run it")
            return
        }
        let server = try await RunningServer.start()
        let script = TestFiles.packageRoot.appendingPathComponent("Scripts/browser-check.py").path
        let url = "http://127.0.0.1:\(server.port)/"
        // The script runs for half a minute: waited for on a Dispatch thread, not on one of the
        // few threads of Swift's cooperative pool (the in-process server and other tests need them).
        let (status, text) = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Int32, String), any Error>) in
            DispatchQueue.global().async {
                let check = Process()
                check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                check.arguments = ["python3", script, "--url", url]
                let output = Pipe()
                check.standardOutput = output
                check.standardError = output
                do {
                    try check.run()
                } catch {
                    continuation.resume(throwing: error)
                    return
                }
                let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                check.waitUntilExit()
                continuation.resume(returning: (check.terminationStatus, text))
            }
        }
        print(text)
        #expect(status == 0, "Scripts/browser-check.py failed:\n\(text)")
        #expect(text.contains("all checks passed"))
        #expect(server.leftoverFiles().isEmpty)
        await server.stop()
    }
}
