namespace MetalFests.Migrator;

/// <summary>The command line: <c>MetalFests.Migrator [options]</c>; see <see cref="Usage"/>.</summary>
public sealed record MigratorCommand(
    string Source,
    string? Table,
    string? Endpoint,
    string? Region,
    bool DryRun,
    bool IfEmpty,
    bool CreateTable,
    bool OverwriteEdited,
    string? ReportPath,
    bool Help)
{
    public const string Usage = """
        Migrates db.json into the MetalFests DynamoDB table (idempotent: re-running writes only what changed).

        Options:
          --source <path>       db.json to load (default: the embedded data/db.json)
          --table <name>        table name (default: DynamoDb:TableName, else MetalFests)
          --endpoint <url>      DynamoDB Local URL, e.g. http://localhost:8000 (default: DynamoDb:ServiceUrl; none = AWS)
          --region <name>       AWS region (default: DynamoDb:Region, else eu-west-1)
          --create-table        create the table (with its GSIs) if it does not exist
          --if-empty            do nothing if the table is already loaded (its load marker says so); a table an
                                older migrator loaded (no marker) is verified and marked loaded as it stands
          --dry-run             compute and report, write nothing
          --overwrite-edited    let the file's version replace entities an editor changed since
          --report <path>       also write the report as JSON
          --help                this text
        Older shapes of db.json (from the upstream project's history) are accepted: an optional field a record
        lacks (a line-up entry's size, ...) gets its documented default, a non-ASCII key (hällas) is
        transliterated (hllas) and kept as an alias; the report lists both, and entities only the table has.
        A run writes the load marker last, once the verification found no problem: the services answer only then.
        Exit codes: 0 done and verified, 1 verification found problems, 2 bad input (nothing written),
        3 DynamoDB not usable (no AWS credentials, endpoint unreachable, request refused).
        """;

    /// <summary>The exit code when DynamoDB cannot be used (see <see cref="Usage"/>).</summary>
    public const int DatabaseUnavailable = 3;

    public static MigratorCommand Parse(IReadOnlyList<string> args)
    {
        var command = new MigratorCommand(Path.Combine(AppContext.BaseDirectory, "data", "db.json"), null, null, null, false, false, false, false, null, false);
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"option '{args[i]}' needs a value");
            command = args[i] switch
            {
                "--source" => command with { Source = Value() },
                "--table" => command with { Table = Value() },
                "--endpoint" => command with { Endpoint = Value() },
                "--region" => command with { Region = Value() },
                "--report" => command with { ReportPath = Value() },
                "--dry-run" => command with { DryRun = true },
                "--if-empty" => command with { IfEmpty = true },
                "--create-table" => command with { CreateTable = true },
                "--overwrite-edited" => command with { OverwriteEdited = true },
                "--help" or "-h" => command with { Help = true },
                var unknown => throw new ArgumentException($"unknown option '{unknown}'"),
            };
        }
        return command;
    }
}
