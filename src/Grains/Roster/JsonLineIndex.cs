using System.Text.Json;

namespace GongGrid.Grains.Roster;

/// <summary>
/// Where each JSON path starts in the text. <see cref="JsonDocument"/> keeps no line numbers, so one pass of
/// <see cref="Utf8JsonReader"/> records the line and column of every property name and value by path.
/// The same pass finds syntax errors and repeated property names.
/// </summary>
internal sealed class JsonLineIndex
{
    private readonly Dictionary<string, TextPosition> _values = [];
    private readonly Dictionary<string, TextPosition> _names = [];
    private readonly List<JsonProblem> _problems = [];
    private readonly LineCounter _lines;

    private JsonLineIndex(byte[] utf8) => _lines = new LineCounter(utf8);

    /// <summary>False when the text is not JSON; <see cref="Problems"/> then holds the syntax error.</summary>
    public bool IsWellFormed { get; private set; } = true;

    public IReadOnlyList<JsonProblem> Problems => _problems;

    public static JsonLineIndex Build(byte[] utf8, JsonReaderOptions options)
    {
        var index = new JsonLineIndex(utf8);
        index.Walk(utf8, options);
        return index;
    }

    /// <summary>Where the value at <paramref name="path"/> starts, or the start of the file if unknown.</summary>
    public TextPosition ValueAt(string path) => _values.GetValueOrDefault(path, new TextPosition(1, 1));

    /// <summary>Where the property name of <paramref name="path"/> starts, else where its value starts.</summary>
    public TextPosition NameAt(string path) => _names.TryGetValue(path, out var at) ? at : ValueAt(path);

    private void Walk(byte[] utf8, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(utf8, options);
        var open = new Stack<Container>();
        try
        {
            while (reader.Read())
            {
                var at = _lines.PositionOf(reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        RecordName(open.Peek(), reader.GetString()!, at);
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var path = NextValuePath(open);
                        _values.TryAdd(path, at);
                        open.Push(new Container(path, reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        open.Pop();
                        break;
                    case JsonTokenType.Comment:
                        break;
                    default:
                        _values.TryAdd(NextValuePath(open), at);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            IsWellFormed = false;
            var path = open.TryPeek(out var container) ? container.PendingMember ?? container.Path : JsonPath.Root;
            _problems.Add(new JsonProblem(path, SyntaxErrorPosition(e), $"malformed JSON: {WithoutPosition(e.Message)}"));
        }
    }

    private void RecordName(Container container, string name, TextPosition at)
    {
        var path = JsonPath.Property(container.Path, name);
        if (!container.Names.Add(name))
        {
            _problems.Add(new JsonProblem(path, at, $"property '{name}' appears more than once in this object"));
        }

        _names.TryAdd(path, at);
        container.PendingMember = path;
    }

    private static string NextValuePath(Stack<Container> open)
    {
        if (!open.TryPeek(out var container))
        {
            return JsonPath.Root;
        }

        return container.IsArray ? JsonPath.Index(container.Path, container.NextIndex++) : container.PendingMember!;
    }

    private TextPosition SyntaxErrorPosition(JsonException e) =>
        e.LineNumber is { } line && e.BytePositionInLine is { } bytes
            ? _lines.PositionOf((int)line, (int)bytes)
            : new TextPosition(1, 1);

    // The reader appends " LineNumber: 2 | BytePositionInLine: 14." (0-based, in bytes); we report our own.
    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }

    private sealed class Container(string path, bool isArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int NextIndex { get; set; }
        public string? PendingMember { get; set; }
        public HashSet<string> Names { get; } = [];
    }
}
