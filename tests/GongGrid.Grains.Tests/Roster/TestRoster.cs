namespace GongGrid.Grains.Tests.Roster;

/// <summary>A small valid roster to break one way at a time, and where things are in it.</summary>
internal static class TestRoster
{
    public const string Source = "test.roster.json";

    public const string Valid = """
        {
          "key": "thu-nghiem",
          "name": "Thử Nghiệm",
          "settings": { "timeZone": "Asia/Ho_Chi_Minh", "peaceTime": "22:00", "onTimeAfter": "5m" },
          "communes": [
            {
              "slug": "cao-thinh",
              "name": "Cao Thịnh",
              "officer": { "name": "Bùi Văn Hùng", "phone": "0912345678" },
              "villages": [
                {
                  "slug": "lang-moi",
                  "name": "Thôn Làng Mới",
                  "location": { "lat": 20.08, "lon": 105.37 },
                  "households": 230,
                  "peaceSignal": "speaker",
                  "officer": { "name": "Quách Thị Lan", "phone": "0987654321" },
                  "devices": [
                    { "slug": "gong-1", "kind": "gong", "location": { "lat": 20.081, "lon": 105.371 }, "place": "Nhà văn hóa thôn", "condition": "ok" },
                    { "slug": "speaker-1", "kind": "speaker", "location": { "lat": 20.0805, "lon": 105.3705 }, "place": "Cột loa", "condition": "ok" }
                  ],
                  "clusters": [ { "slug": "xom-tren", "name": "Xóm Trên", "location": { "lat": 20.085, "lon": 105.375 }, "households": 120 } ],
                  "strikers": [ { "id": "bui-van-nam", "name": "Bùi Văn Nam", "nightlyAllowanceVnd": 30000 } ]
                },
                {
                  "slug": "dong-tam",
                  "name": "Xóm Đồng Tâm",
                  "location": { "lat": 20.09, "lon": 105.36 },
                  "households": 180,
                  "peaceSignal": "gong",
                  "officer": { "name": "Hà Văn Long", "phone": "0356789012" },
                  "devices": [
                    { "slug": "gong-1", "kind": "gong", "location": { "lat": 20.091, "lon": 105.361 }, "place": "Gốc đa đầu làng", "condition": "damaged" },
                    { "slug": "alarm-button-1", "kind": "alarm-button", "location": { "lat": 20.092, "lon": 105.362 }, "place": "Nhà trưởng thôn", "condition": "ok" }
                  ],
                  "clusters": [],
                  "strikers": [ { "id": "ha-van-duc", "name": "Hà Văn Đức", "nightlyAllowanceVnd": 25000 } ]
                }
              ]
            }
          ]
        }
        """;

    /// <summary>The valid roster with the only occurrence of <paramref name="find"/> replaced.</summary>
    public static string With(string find, string replace)
    {
        var at = Valid.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0 && Valid.IndexOf(find, at + 1, StringComparison.Ordinal) < 0, $"'{find}' must occur exactly once");
        return string.Concat(Valid.AsSpan(0, at), replace, Valid.AsSpan(at + find.Length));
    }

    /// <summary>1-based line of the only occurrence of <paramref name="text"/> in <paramref name="json"/>.</summary>
    public static int LineOf(string json, string text)
    {
        var at = json.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' not found");
        return json.AsSpan(0, at).Count('\n') + 1;
    }
}
