#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `make install PREFIX=… BIN=…` into a fresh directory (the debug binary, so no release build): the
/// installed program finds its lessons and shipped weights from `/`, the completions are the parser's,
/// and `make uninstall` leaves the prefix as empty as it found it.
@Suite struct InstallEndToEndTests {
    @Test func installRunsFromAnywhereAndUninstallRemovesEverything() throws {
        guard let binary = AlexNetBinary.path, let root = Self.packageRoot(of: binary) else {
            throw TmuxSession.Timeout(waitingFor: "the alexnet binary in a checkout's .build (run `swift build` first)", screen: "")
        }
        let prefix = EndToEnd.makeDirectory("alexnet-install-e2e")
        defer { _ = Spawn.run(["/bin/rm", "-rf", prefix], environment: [:]) }
        let environment = ["PATH": "/usr/bin:/bin", "HOME": prefix, "XDG_DATA_HOME": prefix, "LANG": "C.UTF-8"]

        let install = Spawn.run(["/usr/bin/make", "-s", "-C", root, "install", "PREFIX=\(prefix)", "BIN=\(binary)"],
                                environment: environment)
        try #require(install.status == 0, "\(install.stdout)\n\(install.stderr)")
        #expect(install.stdout.hasPrefix("installed ") && install.stdout.contains(" files under \(prefix) (listed in "), "\(install.stdout)")

        // From /, with nothing of the checkout in reach: lessons and weights come from share/alexnet.
        let sh = { (command: String) in
            Spawn.run(["/bin/sh", "-c", "cd / && PATH='\(prefix)/bin':/usr/bin:/bin \(command)"], environment: environment)
        }
        let list = sh("alexnet lesson --list")
        #expect(list.status == 0 && list.stdout.contains("  01-shape-arithmetic "), "\(list.stdout)\n\(list.stderr)")
        let shapes = sh("alexnet shapes --preset mini")
        #expect(shapes.status == 0 && shapes.stdout.hasPrefix("mini: input "), "\(shapes.stderr)")
        let filters = sh("NO_COLOR=1 alexnet filters")
        #expect(filters.stdout.hasPrefix("mini conv1: 32 filters of 5×5×1, checkpoint \(prefix)/share/alexnet/weights/mini.safetensors, shipped"),
                "\(filters.stdout.prefix(200))\n\(filters.stderr)")
        // The completions name every command (the parser wrote them).
        let bash = sh("cat '\(prefix)/share/bash-completion/completions/alexnet'")
        for command in ["explore", "shapes", "lesson", "quiz", "--preset"] { #expect(bash.stdout.contains(command)) }
        #expect(sh("test -s '\(prefix)/share/zsh/site-functions/_alexnet' && test -s '\(prefix)/share/fish/vendor_completions.d/alexnet.fish'").status == 0)
        // The exporter of torchvision's weights, which --help names for --weights and train --finetune.
        #expect(sh("test -x '\(prefix)/share/alexnet/scripts/export_torchvision_alexnet.py'").status == 0)

        let uninstall = Spawn.run(["/usr/bin/make", "-s", "-C", root, "uninstall", "PREFIX=\(prefix)"], environment: environment)
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        let left = Spawn.run(["/usr/bin/find", prefix, "-mindepth", "1"], environment: environment)
        #expect(left.stdout.isEmpty, "left after uninstall:\n\(left.stdout)")
        // A second uninstall finds nothing to remove, and says so.
        let again = Spawn.run(["/usr/bin/make", "-s", "-C", root, "uninstall", "PREFIX=\(prefix)"], environment: environment)
        #expect(again.status != 0 && again.stderr.contains("nothing of alexnet is installed under \(prefix)"))
    }

    /// The checkout holding `…/.build/<config>/alexnet`, if the binary is in one (it has the Makefile).
    static func packageRoot(of binary: String) -> String? {
        guard let range = binary.range(of: "/.build", options: .backwards) else { return nil }
        let root = String(binary[..<range.lowerBound])
        return access(root + "/Makefile", R_OK) == 0 ? root : nil
    }
}
