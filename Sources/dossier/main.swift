import ArgumentParser
import Foundation

/// Usage errors exit with 2 (the interface contract), not ArgumentParser's default 64.
do {
    var command = try DossierCommand.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = DossierCommand.exitCode(for: error)
    let message = DossierCommand.fullMessage(for: error)
    if code == .success {
        print(message)
        Foundation.exit(0)
    }
    FileHandle.standardError.write(Data((message + "\n").utf8))
    Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
}
