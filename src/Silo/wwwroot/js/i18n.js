// Words and formats of the dashboard: Vietnamese by default, English on request; times always in the district's zone.
const zone = 'Asia/Ho_Chi_Minh';

const words = {
  vi: {
    title: 'Kẻng bình yên — Bảng theo dõi', signInTitle: 'Đăng nhập', tokenLabel: 'Mã truy cập (token)', signIn: 'Đăng nhập',
    signOut: 'Đăng xuất', tonight: 'Tối nay', map: 'Bản đồ', trends: 'Xu hướng', reports: 'Báo cáo', sound: 'Âm báo',
    onTimeRate: 'Tỉ lệ đúng giờ', villages: 'Số thôn', night: 'Đêm', final: 'đã chốt', open: 'đang diễn ra',
    ON_TIME: 'đúng giờ', LATE: 'muộn', EARLY: 'sớm', INCOMPLETE: 'thiếu tiếng', MISSED: 'không đánh', SPEAKER_PLAYBACK: 'loa phát', PENDING: 'chưa có',
    commune: 'Xã', village: 'Thôn', struckAt: 'Bắt đầu đánh', strikes: 'Số tiếng', striker: 'Người đánh', outcome: 'Kết quả',
    officer: 'Cán bộ phụ trách', back: 'Quay lại', history: 'Các đêm gần đây', onTimeNights: 'đêm đúng giờ', onTimeNightsColumn: 'Đêm đúng giờ',
    alarms: 'Báo động', noAlarms: 'Không có báo động', acknowledge: 'Tiếp nhận', resolve: 'Kết thúc', notePlaceholder: 'Ghi chú xử lý',
    RAISED: 'mới', ACKNOWLEDGED: 'đã tiếp nhận', RESOLVED: 'đã xử lý', by: 'bởi',
    FIRE: 'cháy', FLOOD: 'lũ lụt', CRIME: 'tội phạm', VIOLENCE: 'bạo lực', DISASTER: 'thiên tai', OTHER: 'khác', UNSPECIFIED: 'không rõ loại',
    GONG_PATTERN: 'tiếng kẻng báo động', BUTTON: 'nút báo động',
    devicesNeedingVisit: 'Thiết bị cần kiểm tra', coverageGaps: 'Cụm dân ngoài tầm nghe', households: 'hộ',
    gong: 'Kẻng', ok: 'tốt', offline: 'mất liên lạc', damaged: 'hỏng', lost: 'mất', lowBattery: 'pin yếu', proposedGong: 'Đề xuất đặt kẻng mới',
    trendTitle: 'Tỉ lệ đúng giờ 30 đêm gần nhất', district: 'Toàn huyện', noFinalNights: 'Chưa có đêm nào được chốt.',
    quarterly: 'Báo cáo quý của xã', allowances: 'Phụ cấp người đánh kẻng theo tháng', year: 'Năm', quarter: 'Quý', month: 'Tháng',
    show: 'Xem', downloadCsv: 'Tải CSV', print: 'In', finalNights: 'Đêm đã chốt', alarmsCount: 'Báo động', devices: 'Thiết bị',
    nightsStruck: 'Số đêm đánh', rate: 'Mức/đêm (đ)', amount: 'Thành tiền (đ)', total: 'Tổng cộng', refused: 'Bị từ chối',
    signedInAs: 'Đăng nhập:', DistrictPolice: 'Công an huyện', CommunePolice: 'Công an xã', Admin: 'Quản trị', live: 'trực tiếp',
    reconnecting: 'đang kết nối lại…',
  },
  en: {
    title: 'Peace gong — Dashboard', signInTitle: 'Sign in', tokenLabel: 'Access token', signIn: 'Sign in',
    signOut: 'Sign out', tonight: 'Tonight', map: 'Map', trends: 'Trends', reports: 'Reports', sound: 'Sound',
    onTimeRate: 'On-time rate', villages: 'Villages', night: 'Night', final: 'final', open: 'in progress',
    ON_TIME: 'on time', LATE: 'late', EARLY: 'early', INCOMPLETE: 'incomplete', MISSED: 'missed', SPEAKER_PLAYBACK: 'speaker', PENDING: 'pending',
    commune: 'Commune', village: 'Village', struckAt: 'Round started', strikes: 'Strikes', striker: 'Striker', outcome: 'Outcome',
    officer: 'Officer', back: 'Back', history: 'Recent nights', onTimeNights: 'nights on time', onTimeNightsColumn: 'Nights on time',
    alarms: 'Alarms', noAlarms: 'No alarms', acknowledge: 'Acknowledge', resolve: 'Resolve', notePlaceholder: 'Resolution note',
    RAISED: 'raised', ACKNOWLEDGED: 'acknowledged', RESOLVED: 'resolved', by: 'by',
    FIRE: 'fire', FLOOD: 'flood', CRIME: 'crime', VIOLENCE: 'violence', DISASTER: 'disaster', OTHER: 'other', UNSPECIFIED: 'unspecified',
    GONG_PATTERN: 'gong alarm pattern', BUTTON: 'alarm button',
    devicesNeedingVisit: 'Devices needing a visit', coverageGaps: 'Clusters out of earshot', households: 'households',
    gong: 'Gong', ok: 'ok', offline: 'offline', damaged: 'damaged', lost: 'lost', lowBattery: 'low battery', proposedGong: 'Proposed new gong',
    trendTitle: 'On-time rate, last 30 nights', district: 'District', noFinalNights: 'No final nights yet.',
    quarterly: 'Quarterly commune report', allowances: 'Monthly striker allowances', year: 'Year', quarter: 'Quarter', month: 'Month',
    show: 'Show', downloadCsv: 'Download CSV', print: 'Print', finalNights: 'Final nights', alarmsCount: 'Alarms', devices: 'Devices',
    nightsStruck: 'Nights struck', rate: 'Rate/night (VND)', amount: 'Amount (VND)', total: 'Total', refused: 'Refused',
    signedInAs: 'Signed in:', DistrictPolice: 'District police', CommunePolice: 'Commune police', Admin: 'Admin', live: 'live',
    reconnecting: 'reconnecting…',
  },
};

let language = localStorage.getItem('gonggrid.language') === 'en' ? 'en' : 'vi';

export const currentLanguage = () => language;

export function setLanguage(next) {
  language = next;
  localStorage.setItem('gonggrid.language', next);
  document.documentElement.lang = next;
}

/** The word for key in the current language (the key itself when there is none, so a gap shows, not a blank). */
export const t = key => words[language][key] ?? key;

/** An API enum value (OUTCOME_KIND_ON_TIME) in words, dropping its type prefix. */
export const term = (value, prefix) => t(String(value ?? '').replace(prefix, ''));

const locale = () => (language === 'vi' ? 'vi-VN' : 'en-GB');

export const number = value => new Intl.NumberFormat(locale()).format(Number(value ?? 0));

export const percent = (part, whole) =>
  whole > 0 ? new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(part / whole) : '—';

export const time = iso => (iso ? new Intl.DateTimeFormat(locale(), { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(iso)) : '—');

export const dateTime = iso =>
  iso ? new Intl.DateTimeFormat(locale(), { timeZone: zone, dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso)) : '—';

/** A night (YYYY-MM-DD, a calendar date with no zone) as the reader writes dates. */
export const night = value => (value ? new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(`${value}T00:00:00Z`)) : '—');

/** Today's calendar date in the district's zone, as {year, month}. */
export function districtToday() {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: 'numeric' }).formatToParts(new Date());
  const part = type => Number(parts.find(p => p.type === type).value);
  return { year: part('year'), month: part('month') };
}
