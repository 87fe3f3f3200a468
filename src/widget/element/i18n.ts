// The widget's words in Vietnamese (the data's language, the default) and English. Labels of the
// graph itself (entities, relations) come from the API, in both languages, from schema/model.yaml.

export type Lang = 'vi' | 'en';

const vi = {
  loading: 'Đang tải đồ thị…',
  unreachable: (endpoint: string) => `Không kết nối được tới API officials-graph (${endpoint}). Vui lòng thử lại sau.`,
  notFound: (id: string) => `Không có thực thể nào với mã “${id}” trong officials-graph.`,
  busy: 'Máy chủ officials-graph đang bận hoặc cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau.',
  badInput: (message: string) => `Thuộc tính của tiện ích không hợp lệ: ${message}`,
  noEntity: 'Tiện ích cần thuộc tính entity="…" (mã của một thực thể, ví dụ person/nguyen-thanh-tinh).',
  failed: (message: string) => `Không tải được đồ thị: ${message}`,
  types: { Person: 'Người', Organization: 'Tổ chức', Position: 'Chức vụ', Event: 'Sự kiện', Award: 'Giải thưởng', Rank: 'Cấp bậc' } as Record<string, string>,
  legendTitle: 'Chú giải',
  stated: 'đã nêu trong nguồn',
  proposed: 'đề nghị (chưa trao)',
  inferred: 'suy luận',
  presumed: 'giả định còn hiệu lực',
  proposedBadge: 'Đề nghị, chưa được trao',
  inferredBadge: 'Suy luận từ cơ cấu bộ máy, nguồn không nêu trực tiếp',
  presumedBadge: 'Giả định còn hiệu lực vào ngày đã chọn, nguồn không nêu',
  statedBadge: 'Nguồn nêu còn hiệu lực vào ngày đã chọn',
  confidence: 'Độ tin cậy',
  dates: 'Thời gian',
  sources: 'Nguồn',
  record: 'Bản ghi',
  noSources: 'Chức vụ thuộc tổ chức này (một phần định nghĩa của chức vụ, không phải một dữ kiện có nguồn).',
  unsourced: 'Dữ kiện này chưa có nguồn.',
  expand: 'Mở rộng',
  expanded: 'Đã mở rộng',
  open: 'Xem trên officials-graph ↗',
  close: 'Đóng',
  fit: 'Vừa khung',
  depth: (d: number) => (d === 0 ? 'trung tâm' : `cách trung tâm ${d} bước`),
  truncated: (entities: number, perHop: number) =>
    `Đã lược bớt: ${entities} thực thể có hơn ${perHop} mối liên hệ; chỉ hiển thị những mối có căn cứ tốt nhất, gần đây nhất.`,
  capped: 'Đã lược bớt: đồ thị dừng ở 2.000 dữ kiện.',
  counts: (nodes: number, edges: number) => `${nodes} nút, ${edges} cạnh`,
};

const en: typeof vi = {
  loading: 'Loading the graph…',
  unreachable: (endpoint) => `Could not reach the officials-graph API at ${endpoint}. Please try again later.`,
  notFound: (id) => `There is no entity with the id “${id}” in officials-graph.`,
  busy: 'The officials-graph server is busy or its database is briefly unavailable. Please try again later.',
  badInput: (message) => `The widget's attributes are not valid: ${message}`,
  noEntity: 'The widget needs an entity="…" attribute (an entity id, e.g. person/nguyen-thanh-tinh).',
  failed: (message) => `The graph could not be loaded: ${message}`,
  types: { Person: 'Person', Organization: 'Organisation', Position: 'Post', Event: 'Event', Award: 'Award', Rank: 'Rank' },
  legendTitle: 'Legend',
  stated: 'stated in a source',
  proposed: 'proposed (not conferred)',
  inferred: 'inferred',
  presumed: 'presumed to hold',
  proposedBadge: 'Proposed, not conferred',
  inferredBadge: "Inferred from the state's structure, not stated in the source",
  presumedBadge: 'Presumed to hold on the chosen date, not stated',
  statedBadge: 'Stated to hold on the chosen date',
  confidence: 'Confidence',
  dates: 'Dates',
  sources: 'Sources',
  record: 'Record',
  noSources: "The post belongs to this organisation (part of the post's definition, not a sourced fact).",
  unsourced: 'This fact has no source yet.',
  expand: 'Expand',
  expanded: 'Expanded',
  open: 'Open in officials-graph ↗',
  close: 'Close',
  fit: 'Fit',
  depth: (d) => (d === 0 ? 'the centre' : `${d} ${d === 1 ? 'tie' : 'ties'} from the centre`),
  truncated: (entities, perHop) =>
    `Trimmed: ${entities} ${entities === 1 ? 'entity has' : 'entities have'} more than ${perHop} ties; the best evidenced, most recent are shown.`,
  capped: 'Trimmed: the graph stops at 2,000 facts.',
  counts: (nodes, edges) => `${nodes} nodes, ${edges} edges`,
};

export type Strings = typeof vi;
export const STRINGS: Record<Lang, Strings> = { vi, en };

/** `lang="en…"` on the element or an ancestor: English; anything else: Vietnamese. */
export function langOf(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
