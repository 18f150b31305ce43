import Testing

/// The shell completion scripts the README tells users to install.
@Suite("completion scripts")
struct CompletionScriptTests {
    @Test("bash, zsh and fish scripts complete the commands", arguments: ["bash", "zsh", "fish"])
    func script(shell: String) async throws {
        let result = try await CLI.run(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result)")
        for word in ["packets", "batch", "server-url", "config"] {
            #expect(result.stdout.contains(word), "\(shell) script mentions \(word)")
        }
    }
}
