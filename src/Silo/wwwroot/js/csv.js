// CSV files for Excel: UTF-8 with a byte order mark (so Excel reads Vietnamese), comma-separated, CRLF line ends.
const field = value => {
  const text = String(value ?? '');
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const csv = rows => '\uFEFF' + rows.map(row => row.map(field).join(',')).join('\r\n') + '\r\n';

/** Offers the rows as a file download named fileName. */
export function download(fileName, rows) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([csv(rows)], { type: 'text/csv;charset=utf-8' }));
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}
