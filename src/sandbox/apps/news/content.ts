/** Seed content for the news feed: outlets, headlines and body sentences per channel. */
export const TABS = ['following', 'foryou', 'tech', 'sports', 'finance', 'world', 'local'] as const;
export type TabId = (typeof TABS)[number];
export type Channel = Exclude<TabId, 'following' | 'foryou'>;
export const CHANNELS: Channel[] = ['tech', 'sports', 'finance', 'world', 'local'];

export const TAB_LABELS: Record<TabId, string> = {
  following: 'Following', foryou: 'For you', tech: 'Tech', sports: 'Sports', finance: 'Finance', world: 'World', local: '上海',
};

/** Chinese names shown under each channel on the channel page. */
export const TAB_ZH: Record<TabId, string> = {
  following: '关注', foryou: '推荐', tech: '科技', sports: '体育', finance: '财经', world: '国际', local: '本地',
};

export interface OutletSeed { name: string; channel: Channel; lang: 'en' | 'zh'; verified: boolean; bio: string }

export const OUTLETS: OutletSeed[] = [
  { name: 'TechPulse', channel: 'tech', lang: 'en', verified: true, bio: 'Gadgets, chips and the people who build them.' },
  { name: 'The Circuit Daily', channel: 'tech', lang: 'en', verified: true, bio: 'Daily technology news and analysis.' },
  { name: 'Sam Park', channel: 'tech', lang: 'en', verified: false, bio: 'Engineer writing about AI and open source.' },
  { name: '科技前沿', channel: 'tech', lang: 'zh', verified: true, bio: '关注前沿科技与产业动态' },
  { name: '硅谷观察', channel: 'tech', lang: 'zh', verified: false, bio: '一个工程师的科技随笔' },
  { name: 'Goal Line', channel: 'sports', lang: 'en', verified: true, bio: 'Football, basketball and everything in between.' },
  { name: 'Courtside Notes', channel: 'sports', lang: 'en', verified: false, bio: 'A fan blog about tennis and badminton.' },
  { name: '体育周刊', channel: 'sports', lang: 'zh', verified: true, bio: '专业体育资讯' },
  { name: 'Market Watch Asia', channel: 'finance', lang: 'en', verified: true, bio: 'Markets, money and the economy in Asia.' },
  { name: 'Penny Wise', channel: 'finance', lang: 'en', verified: false, bio: 'Personal finance for busy people.' },
  { name: '财经观察', channel: 'finance', lang: 'zh', verified: true, bio: '每日财经要闻解读' },
  { name: 'Global Desk', channel: 'world', lang: 'en', verified: true, bio: 'World news from our correspondents.' },
  { name: 'Wanderlust Weekly', channel: 'world', lang: 'en', verified: false, bio: 'Travel stories and culture.' },
  { name: '环球视野', channel: 'world', lang: 'zh', verified: true, bio: '看世界，懂中国' },
  { name: '上海本地宝', channel: 'local', lang: 'zh', verified: true, bio: '上海生活服务资讯' },
  { name: '魔都生活家', channel: 'local', lang: 'zh', verified: false, bio: '吃喝玩乐在上海' },
];

export const HEADLINES: Record<Channel, [string, string[]][]> = {
  tech: [
    ['en', ['Chipmakers race to build AI accelerators that sip power', 'Inside the startup teaching robots to fold laundry', 'Why your next phone battery could charge in 9 minutes', 'Open-source AI models close the gap with commercial giants', 'The quiet comeback of e-ink: tablets, phones and bus stops', 'Satellite internet arrives on domestic flights']],
    ['zh', ['国产AI大模型迎来新一轮升级，推理能力显著提升', '折叠屏手机销量同比增长，价格下探至五千元以内', '自动驾驶出租车在浦东扩大试运营范围']],
  ],
  sports: [
    ['en', ['Late header sends Shanghai Port top of the table', 'Marathon season: how amateur runners are training smarter', 'Tennis: teenage qualifier stuns second seed in straight sets', 'NBA roundup: Warriors edge Lakers in overtime thriller', 'Badminton Open: mixed doubles pair defend their title']],
    ['zh', ['中国女排3比1逆转，挺进决赛', 'CBA常规赛：广东主场险胜辽宁', '马拉松报名人数创新高，中签率不足两成']],
  ],
  finance: [
    ['en', ['Central bank holds rates steady, signals patience', 'Gold climbs to a record as investors seek safety', 'Electric-vehicle makers cut prices ahead of year-end', 'What the new pension rules mean for your savings', 'Shipping costs ease as port congestion clears']],
    ['zh', ['A股三大指数集体收涨，科技板块领涨', '人民币汇率小幅走强', '双十一销售数据公布：家电和美妆增长最快']],
  ],
  world: [
    ['en', ['Climate talks end with a deal on adaptation funding', "Europe's night trains make a comeback", "Record crowds at Kyoto's autumn leaves festival", 'Scientists map the deepest ocean trench in 3D', "Heatwave pushes Australia's power grid to the limit"]],
    ['zh', ['联合国发布年度人类发展报告', '多国宣布延长免签政策，出境游持续升温']],
  ],
  local: [
    ['zh', ['地铁18号线二期开通在即，沿线站点一览', '外滩跨年灯光秀时间公布', '本周末上海将迎来降温，最低气温6℃', '徐汇滨江新开一座咖啡主题公园', '上海博物馆东馆推出古埃及文明大展', '早高峰延安高架施工，请注意绕行']],
  ],
};

const EN_BODY: Record<Channel, string[]> = {
  tech: ['Engineers say the biggest gains now come from software rather than raw transistor counts.', 'The company plans to ship developer kits to partners early next year.', 'Analysts expect prices to fall sharply once production scales up.', 'Early testers praised the battery life but noted the software still feels unfinished.', 'Regulators in several countries are watching the technology closely.', 'The team published its benchmark results alongside the source code.', 'Power consumption remains the main obstacle for running large models on phones.', 'Competitors are expected to announce similar products within months.'],
  sports: ['The crowd of more than forty thousand fell silent before erupting at the final whistle.', 'The coach praised the defence for holding firm during a tense second half.', 'Injuries have forced several changes to the starting line-up this month.', 'The result keeps the title race wide open with five rounds to play.', 'Fans travelled overnight by train to support the team away from home.', 'Statistics show the side has won every match in which it scored first.', 'The captain dedicated the win to the club’s youth academy.', 'Ticket prices for the final have already doubled on resale sites.'],
  finance: ['Economists had widely expected the decision, and markets barely moved.', 'Consumer spending rose for the third month in a row, official data showed.', 'Some analysts warn that the rally may not last into next quarter.', 'Households are being encouraged to review their savings plans before the year ends.', 'Exporters benefited from a weaker currency and recovering demand.', 'Fund managers said they were adding to positions in technology and healthcare.', 'The figures were released after the close of trading on Thursday.', 'Smaller companies reported that borrowing costs remain a concern.'],
  world: ['Delegates worked through the night to agree on the final wording.', 'Local officials said visitor numbers were the highest in a decade.', 'The research vessel spent three months mapping the sea floor.', 'Environmental groups welcomed the agreement but said it did not go far enough.', 'Rail operators plan to add more routes next summer after strong demand.', 'Residents were advised to stay indoors during the hottest part of the day.', 'The findings were published in a leading scientific journal this week.', 'Tourism boards hope the new rules will attract more visitors from Asia.'],
  local: [],
};

const ZH_BODY: Record<Channel, string[]> = {
  tech: ['业内人士认为，新一代产品的最大变化在于软件和算法的优化。', '该公司表示，明年上半年将向合作伙伴开放测试。', '多位用户反映续航表现明显改善，但部分功能仍需完善。', '分析师预计，随着产能提升，相关产品价格有望进一步下降。', '专家提醒，数据安全和隐私保护仍是行业关注的重点。', '目前已有多家厂商宣布将推出类似产品。'],
  sports: ['比赛现场座无虚席，球迷们全场为主队加油助威。', '主教练赛后表示，球队在下半场展现出了顽强的斗志。', '伤病问题让球队本赛季多次调整首发阵容。', '这场胜利让球队在积分榜上进一步拉开了与对手的差距。', '多名年轻球员在比赛中表现亮眼，获得了球迷的认可。', '下一轮比赛将于本周六晚七点半开球。'],
  finance: ['市场人士认为，这一结果基本符合预期。', '数据显示，居民消费连续三个月保持增长。', '有分析认为，短期内市场仍可能出现波动。', '专家建议投资者保持理性，注重长期配置。', '出口企业受益于需求回暖，订单量有所增加。', '相关数据已于周四收盘后正式公布。'],
  world: ['与会代表连夜磋商，最终就协议文本达成一致。', '当地官员表示，今年游客人数创下近十年新高。', '研究人员花费三个月时间完成了海底测绘工作。', '环保组织对协议表示欢迎，但认为力度仍然不够。', '业内预计，明年相关线路还将继续增加。', '相关研究成果已发表在国际权威学术期刊上。'],
  local: ['市民可通过官方公众号查询最新的开放时间和交通信息。', '据悉，相关工程预计将于年底前全部完工。', '工作人员提醒，周末客流较大，建议错峰出行。', '附近多条公交线路将临时调整走向，请乘客留意站点公告。', '活动期间，周边道路将实施交通管制。', '不少市民表示，这一举措让出行更加方便了。', '记者在现场看到，不少家长带着孩子前来参观。', '气象部门提醒市民注意添衣保暖，出行携带雨具。'],
};

/** Body sentences for a channel in a language (local news is Chinese only). */
export function bodySentences(channel: Channel, lang: 'en' | 'zh'): string[] {
  return lang === 'zh' ? ZH_BODY[channel] : EN_BODY[channel].length ? EN_BODY[channel] : EN_BODY.world;
}

export const COMMENTERS = ['小王同学', 'Mike_88', '深夜码农', 'Jenny L.', '吃瓜群众', 'runner_yu', '老张', 'Ocean Blue', '南京路上的猫', 'K. Tanaka', '橙子不甜', 'David W.'];

export const COMMENT_TEXT: Record<'en' | 'zh', string[]> = {
  en: ['Great write-up, thanks for the context.', 'I had no idea about this, very interesting.', 'Would love a follow-up on this next month.', 'The numbers in paragraph three look off to me.', 'Finally someone explains it clearly!', 'Saving this for later.'],
  zh: ['写得很清楚，学习了', '期待后续报道', '这个消息太及时了', '终于等到了！', '说得有道理，点赞', '收藏了，回头细看'],
};
