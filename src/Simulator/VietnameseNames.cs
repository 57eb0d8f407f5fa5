namespace GongGrid.Simulator;

/// <summary>Word lists and pickers for plausible Vietnamese place names, personal names and phone numbers.</summary>
internal static class VietnameseNames
{
    private static readonly string[] FamilyNames =
    [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Hà",
        "Quách", "Đinh", "Trương", "Cao", "Lương", "Mai", "Trịnh", "Lò", "Phan", "Võ",
    ];

    private static readonly string[] MaleMiddleNames = ["Văn", "Văn", "Đức", "Hữu", "Minh", "Quang", "Xuân", "Công", "Đình", "Thanh"];
    private static readonly string[] FemaleMiddleNames = ["Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Hồng"];

    private static readonly string[] MaleGivenNames =
    [
        "Hùng", "Dũng", "Tuấn", "Nam", "Hải", "Long", "Sơn", "Thắng", "Bình", "Cường", "Phong", "Hiếu", "Trung", "Đạt",
        "Khánh", "Quân", "Tùng", "Thành", "Toàn", "Mạnh", "Tiến", "Vinh", "Lâm", "Chiến", "Hưng", "Đông", "Lực",
    ];

    private static readonly string[] FemaleGivenNames =
    [
        "Lan", "Hoa", "Hương", "Mai", "Hà", "Nga", "Thủy", "Tâm", "Hằng", "Linh", "Trang", "Yến", "Huyền", "Nhung", "Oanh",
    ];

    private static readonly string[] PlaceFirstSyllables =
    [
        "Ngọc", "Cao", "Minh", "Phúc", "Lộc", "Quang", "Đồng", "Thạch", "Kiên", "Vân", "Thúy", "Mỹ", "Xuân", "Hòa", "Tân",
        "An", "Phú", "Vĩnh", "Thành", "Yên", "Hưng", "Đông", "Nam", "Trung", "Hợp", "Quảng", "Thiệu", "Định",
    ];

    private static readonly string[] PlaceSecondSyllables =
    [
        "Sơn", "Thịnh", "Lâm", "Thọ", "Lợi", "Phú", "Hưng", "Tiến", "Thành", "Khê", "Liên", "Trung", "Hòa", "Lập", "Tân",
        "Ấn", "Giáo", "Am", "Bình", "An", "Phong", "Long", "Châu", "Lộc", "Xuyên",
    ];

    public static readonly string[] VillageStems =
    [
        "Làng Mới", "Đồng Tâm", "Tân Lập", "Quyết Thắng", "Đoàn Kết", "Hợp Thành", "Thống Nhất", "Xuân Phong", "Bình Minh",
        "Đồng Xanh", "Cây Đa", "Bãi Bằng", "Minh Tiến", "Tiến Thành", "Trung Tâm", "Hạ Sơn", "Thượng Sơn", "Khe Ngang",
        "Cao Sơn", "Mỹ Thành", "Lũng Sơn", "Hòa Bình", "Ngọc Long", "Suối Cát", "Đá Bạc", "Chiềng Khạt", "Mường Khô",
        "Đồng Chạ", "Bắc Sơn", "Nam Sơn", "Tân Phong", "Thanh Sơn", "Phú Thượng", "Đồng Lạc", "Cửa Khe", "Bàn Rịch",
        "Eo Lê", "Quang Hòa", "Tiến Sơn", "Thành Công", "Hồng Phong", "Phố Cống", "Lương Sơn", "Cốc Thượng", "Cốc Hạ",
        "Hón Can", "Sẻ Đông", "Sẻ Tây", "Đồng Vinh", "Khối Tân", "Vân Lộc", "Xuân Thành", "Bãi Đa", "Mọc Tây", "Lam Vinh",
    ];

    private static readonly string[] VillagePrefixes = ["Thôn", "Thôn", "Làng", "Xóm", "Bản"];

    public static readonly string[] ClusterNames =
    [
        "Xóm Trên", "Xóm Dưới", "Xóm Giữa", "Xóm Chợ", "Xóm Bến", "Xóm Đình", "Xóm Chùa", "Xóm Mới", "Khu Đồng Cạn",
        "Khu Bãi Ngang", "Khu tái định cư", "Cụm Đồi Thông", "Khu Ven Suối", "Khu Gò Cao", "Khu Rộc Dài", "Khu Đồi Chè",
        "Khu Bãi Sậy", "Cụm Đầu Cầu", "Khu Ngã Ba", "Cụm Khe Sâu",
    ];

    public static readonly string[] GongPlaces =
    [
        "Nhà văn hóa thôn", "Sân nhà văn hóa", "Cổng làng", "Gốc đa đầu làng", "Ngã ba trung tâm thôn", "Đầu xóm",
        "Cuối xóm", "Sân đình", "Cạnh điểm trường mầm non", "Chòi gác đầu bản",
    ];

    public static readonly string[] ButtonPlaces =
    [
        "Nhà trưởng thôn", "Nhà tổ trưởng tổ bảo vệ ANTT", "Chợ thôn", "Quán tạp hóa đầu làng", "Nhà công an viên",
        "Điểm trường tiểu học", "Trạm bơm", "Nhà bí thư chi bộ",
    ];

    public static readonly string[] SpeakerPlaces = ["Cột loa nhà văn hóa", "Cột loa ngã ba", "Cột loa chợ", "Cột điện đầu làng"];

    private static readonly string[] MobilePrefixes =
    [
        "032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098", "088", "091", "094", "083",
        "084", "085", "081", "082", "070", "076", "077", "078", "079", "089", "090", "093",
    ];

    /// <summary>A two-syllable commune or district name, e.g. "Phúc Thịnh".</summary>
    public static string PlaceName(Random random) => $"{Pick(random, PlaceFirstSyllables)} {Pick(random, PlaceSecondSyllables)}";

    /// <summary>The word for a village a commune uses: Thôn, Làng, Xóm or Bản.</summary>
    public static string VillagePrefix(Random random) => Pick(random, VillagePrefixes);

    /// <summary>A full name, family name first, e.g. "Bùi Văn Hùng"; about 70% men by default.</summary>
    public static string Person(Random random, double menShare = 0.7) => random.NextDouble() < menShare
        ? $"{Pick(random, FamilyNames)} {Pick(random, MaleMiddleNames)} {Pick(random, MaleGivenNames)}"
        : $"{Pick(random, FamilyNames)} {Pick(random, FemaleMiddleNames)} {Pick(random, FemaleGivenNames)}";

    /// <summary>A ten-digit Vietnamese mobile number, e.g. "0912345678".</summary>
    public static string Phone(Random random) => $"{Pick(random, MobilePrefixes)}{random.Next(10_000_000):D7}";

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
