import ArgumentParser
import GoalbookCore

/// How a command names one job frame.
struct FrameOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The function, e.g. \"AI / Machine Learning Engineering\".", valueName: "name"))
    var function: String

    @Option(help: ArgumentHelp("The level code, e.g. P2.", valueName: "code"))
    var level: String

    @Option(help: ArgumentHelp("The family, needed only when the function name is in several.", valueName: "name"))
    var family: String?

    func frame(in canon: CanonService) throws -> Frame {
        try canon.frame(function: function, level: level, family: family)
    }
}

/// Which frame to show: named (`--function` and `--level`, `--family` where needed), or a
/// person's own (`--person E100`: their family, function and level as they are now).
struct FrameSelection: ParsableArguments {
    @Option(help: ArgumentHelp("The function, e.g. \"AI / Machine Learning Engineering\".", valueName: "name"))
    var function: String?

    @Option(help: ArgumentHelp("The level code, e.g. P2.", valueName: "code"))
    var level: String?

    @Option(help: ArgumentHelp("The family, needed only when the function name is in several.", valueName: "name"))
    var family: String?

    @Option(help: ArgumentHelp("A person's frame: their family, function and level.", valueName: "id"))
    var person: String?

    func validate() throws {
        if person != nil, function != nil || level != nil || family != nil {
            throw ValidationError("Use --person, or --function and --level, not both.")
        }
        if person == nil, function == nil || level == nil {
            throw ValidationError("Name the frame with --function and --level, or give --person.")
        }
    }

    func frame(in engine: any GoalbookEngine) throws -> Frame {
        let canon = CanonService(engine)
        if let person {
            let someone = try PeopleService(engine).person(person)
            return try canon.frame(function: someone.function, level: someone.level, family: someone.family)
        }
        return try canon.frame(function: function ?? "", level: level ?? "", family: family)
    }
}
