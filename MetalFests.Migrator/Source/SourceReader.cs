using System.Globalization;
using System.Text.Json;

namespace MetalFests.Migrator.Source;

/// <summary>A db.json that cannot be migrated as it is: every problem, each naming its record and field.</summary>
public sealed class SourceException(IReadOnlyList<string> problems)
    : Exception($"db.json cannot be migrated: {problems.Count} problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Reads db.json strictly: a missing file, invalid JSON or a field of the wrong type is reported
/// (record and field named) before anything is written.
/// </summary>
public static class SourceReader
{
    public static SourceFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new SourceException([$"file '{path}' does not exist"]);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new SourceException([$"'{path}' is not valid JSON: {e.Message}"]);
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    public static SourceFile Read(JsonElement root)
    {
        var problems = new List<string>();
        var defaults = new DefaultsLog();
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new SourceException(["the top level must be an object with 'festivals' and 'bands'"]);
        }
        var festivals = ReadArray(root, "festivals", problems, (e, i) => ReadFestival(e, i, problems, defaults));
        var bands = ReadArray(root, "bands", problems, (e, i) => ReadBand(e, i, problems, defaults));
        if (problems.Count > 0)
        {
            throw new SourceException(problems);
        }
        return new SourceFile(festivals, bands, defaults.Summary());
    }

    private static List<T> ReadArray<T>(JsonElement root, string name, List<string> problems, Func<JsonElement, int, T?> read) where T : class
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"'{name}' must be an array");
            return [];
        }
        var result = new List<T>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (read(element, index++) is { } value)
            {
                result.Add(value);
            }
        }
        return result;
    }

    private static SourceFestival? ReadFestival(JsonElement element, int index, List<string> problems, DefaultsLog defaults)
    {
        var fields = new Fields(element, $"festivals[{index}]", problems, defaults);
        if (!fields.IsObject)
        {
            return null;
        }
        var key = fields.RequiredString("key");
        var start = fields.Date("dates.start");
        var end = fields.Date("dates.end");
        var lineup = fields.Array("bands", (band, path) =>
        {
            var lineupFields = new Fields(band, path, problems, defaults);
            return lineupFields.IsObject
                ? new SourceLineupBand(lineupFields.RequiredString("key", allowEmpty: true), lineupFields.RequiredString("name", allowEmpty: true),
                    lineupFields.Int("size", 0, 3, SourceDefaults.LineupSize, 0))
                : null;
        });
        var festival = new SourceFestival(index, key, fields.RequiredString("name"), start, end, fields.RequiredString("location"),
            fields.Number("coordinates.lat", -90, 90, SourceDefaults.Coordinates), fields.Number("coordinates.lng", -180, 180, ifMissing: null),
            fields.OptionalString("poster", SourceDefaults.FestivalText), fields.OptionalString("website", SourceDefaults.FestivalText), lineup,
            (decimal?)fields.Number("ticketPrice", 0, 1_000_000, SourceDefaults.TicketPrice));
        if (end < start)
        {
            fields.Problem("dates.end", "is before dates.start");
        }
        return fields.Failed ? null : festival;
    }

    private static SourceBand? ReadBand(JsonElement element, int index, List<string> problems, DefaultsLog defaults)
    {
        var fields = new Fields(element, $"bands[{index}]", problems, defaults);
        if (!fields.IsObject)
        {
            return null;
        }
        var band = new SourceBand(index,
            fields.RequiredString("key", allowEmpty: true), fields.RequiredString("name"), fields.OptionalString("country", SourceDefaults.BandText),
            fields.OptionalString("description", SourceDefaults.BandText), fields.OptionalString("logo", SourceDefaults.BandText),
            fields.OptionalString("headlineImage", SourceDefaults.BandText), fields.OptionalString("website", SourceDefaults.BandText),
            fields.OptionalString("spotify", SourceDefaults.BandText),
            fields.Array("genres", SourceDefaults.Genres, (genre, path) => genre.ValueKind == JsonValueKind.String ? genre.GetString() : fields.Null<string>(path, "must be a string")),
            fields.Array("members", SourceDefaults.Members, (member, path) =>
            {
                var memberFields = new Fields(member, path, problems, defaults);
                return memberFields.IsObject
                    ? new SourceMember(memberFields.RequiredString("name", allowEmpty: true), memberFields.OptionalString("role", SourceDefaults.MemberRole) ?? "")
                    : null;
            }),
            fields.Bool("reviewed", SourceDefaults.Reviewed));
        return fields.Failed ? null : band;
    }

    /// <summary>Typed reads of one record's fields; each problem names the record (and its key) and the field.</summary>
    private sealed class Fields(JsonElement element, string record, List<string> problems, DefaultsLog defaults)
    {
        private readonly int _problemsBefore = problems.Count;
        private string Record => element.ValueKind == JsonValueKind.Object && element.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String
            ? $"{record} (key '{k.GetString()}')" : record;

        public bool IsObject => element.ValueKind == JsonValueKind.Object || Fail($"{record} must be an object");
        public bool Failed => problems.Count > _problemsBefore;

        public void Problem(string field, string message) => problems.Add($"{Record}: field '{field}' {message}");

        public T? Null<T>(string path, string message) where T : class
        {
            problems.Add($"{path}: {message}");
            return null;
        }

        public string RequiredString(string field, bool allowEmpty = false)
        {
            var value = Find(field);
            if (value is not { ValueKind: JsonValueKind.String })
            {
                Problem(field, value is null ? "is missing" : "must be a string");
                return "";
            }
            var text = value.Value.GetString()!;
            if (!allowEmpty && string.IsNullOrWhiteSpace(text))
            {
                Problem(field, "must not be empty");
            }
            return text;
        }

        public string? OptionalString(string field, DefaultRule? ifMissing)
        {
            var value = Find(field);
            if (value is null || value.Value.ValueKind == JsonValueKind.Null)
            {
                Missing(value, ifMissing);
                return null;
            }
            if (value.Value.ValueKind != JsonValueKind.String)
            {
                Problem(field, "must be a string");
                return null;
            }
            return value.Value.GetString();
        }

        public DateOnly Date(string field)
        {
            var text = RequiredString(field);
            if (text.Length > 0 && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Problem(field, $"must be an ISO date (yyyy-MM-dd), not '{text}'");
                return default;
            }
            return text.Length > 0 ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : default;
        }

        public double? Number(string field, double min, double max, DefaultRule? ifMissing)
        {
            var value = Find(field);
            if (value is null || value.Value.ValueKind == JsonValueKind.Null)
            {
                Missing(value, ifMissing);
                return null;
            }
            if (value.Value.ValueKind != JsonValueKind.Number)
            {
                Problem(field, "must be a number");
                return null;
            }
            var number = value.Value.GetDouble();
            if (number < min || number > max)
            {
                Problem(field, $"must be between {min} and {max}");
            }
            return number;
        }

        public int Int(string field, int min, int max, DefaultRule ifMissing, int defaultValue)
        {
            var value = Find(field);
            if (value is null)
            {
                Missing(value, ifMissing);
                return defaultValue;
            }
            if (value is not { ValueKind: JsonValueKind.Number } || !value.Value.TryGetInt32(out var number) || number < min || number > max)
            {
                Problem(field, $"must be an integer from {min} to {max}");
                return 0;
            }
            return number;
        }

        public bool Bool(string field, DefaultRule ifMissing)
        {
            var value = Find(field);
            if (value is null)
            {
                Missing(value, ifMissing);
                return false;
            }
            if (value.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Problem(field, "must be true or false");
                return false;
            }
            return value.Value.GetBoolean();
        }

        public List<T> Array<T>(string field, Func<JsonElement, string, T?> read) where T : class =>
            Array(field, null, read);

        public List<T> Array<T>(string field, DefaultRule? ifMissing, Func<JsonElement, string, T?> read) where T : class
        {
            var value = Find(field);
            if (value is null || value.Value.ValueKind == JsonValueKind.Null)
            {
                Missing(value, ifMissing);
                return [];
            }
            if (value.Value.ValueKind != JsonValueKind.Array)
            {
                Problem(field, "must be an array");
                return [];
            }
            var result = new List<T>();
            var i = 0;
            foreach (var item in value.Value.EnumerateArray())
            {
                if (read(item, $"{Record}.{field}[{i++}]") is { } parsed)
                {
                    result.Add(parsed);
                }
            }
            return result;
        }

        /// <summary>A field absent from the record (not one present as null, which the file says on purpose) gets its documented default.</summary>
        private void Missing(JsonElement? value, DefaultRule? rule)
        {
            if (value is null && rule is not null)
            {
                defaults.Applied(rule, Record);
            }
        }

        private JsonElement? Find(string path)
        {
            var current = element;
            foreach (var part in path.Split('.'))
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
                {
                    return null;
                }
            }
            return current;
        }

        private bool Fail(string message)
        {
            problems.Add(message);
            return false;
        }
    }
}
