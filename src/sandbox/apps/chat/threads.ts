/**
 * Scripted conversation threads for seeding chats. A line is [speaker, text]: 'M' is the user,
 * 'T' the other person, '0'..'9' a group member by index. Emoji are WeChat-style codes.
 */
export type Line = [string, string];

export const THREADS_EN: Line[][] = [
  [['T', 'Are we still on for lunch tomorrow?'], ['M', 'Yes! 12:30 at the dumpling place?'], ['T', 'Perfect, see you there']],
  [['M', 'Did you get a chance to look at the proposal?'], ['T', 'Reading it now, looks solid so far'], ['T', 'I left a few comments on page 3']],
  [['T', 'Happy Friday! Any plans for the weekend?'], ['M', 'Probably hiking in Moganshan if the weather holds'], ['T', 'Nice, send pics!'], ['T', 'Can you share the trail name?']],
  [['T', 'The package arrived, thank you so much!'], ['M', 'Glad it got there in one piece [Smile]']],
  [['T', 'Can you send me the invoice for October?'], ['M', 'Sure, give me 10 minutes'], ['M', 'Sent, check your inbox'], ['T', 'Got it, thanks']],
  [['M', 'What time does the train leave?'], ['T', '8:15 from Hongqiao, platform 12'], ['T', "Don't forget your ID card"]],
  [['T', 'Do you have the wifi password for the office?'], ['M', "It's on the whiteboard in the kitchen"], ['T', 'Found it, thanks!']],
  [['T', "Are you coming to Sarah's farewell on Thursday?"]],
  [['M', 'Running 5 min late, grab a table'], ['T', "No worries, we're by the window"]],
  [['T', 'Movie night at mine on Saturday?'], ['M', "I'm in. Should I bring snacks?"], ['T', 'Yes please, popcorn! [Laugh]']],
  [['T', 'Could you review my pull request before 5?']],
  [['T', 'Thanks for covering my shift yesterday'], ['M', 'Anytime [Smile]'], ['T', 'I owe you a coffee [Coffee]']],
  [['M', 'Is the gym open on public holidays?'], ['T', 'Only until 6pm'], ['T', 'Want to go together tomorrow morning?']],
  [['T', 'Where did you park the car?'], ['M', 'Level B2, near the elevator']],
  [['T', 'Just sent you the photos from the trip'], ['M', 'These are amazing [ThumbsUp]'], ['T', 'The sunset one is my favourite']],
  [['M', 'Can I borrow your projector this weekend?'], ['T', 'Sure, pick it up anytime after 6']],
];

export const THREADS_ZH: Line[][] = [
  [['T', '晚上一起吃饭吗？'], ['M', '好啊，几点？'], ['T', '七点，老地方']],
  [['T', '文件我已经发你邮箱了'], ['M', '收到，谢谢！']],
  [['M', '明天的会改到下午了吗？'], ['T', '对，改到三点'], ['T', '记得带电脑']],
  [['T', '周末去爬山吗？']],
  [['T', '快递帮我拿一下可以吗？'], ['M', '没问题，放你门口了'], ['T', '太感谢了[Smile]']],
  [['T', '你到了吗？'], ['M', '马上到，还有五分钟']],
  [['T', '上次推荐的那本书真不错'], ['M', '是吧！下次再给你推荐几本'], ['T', '好呀[Heart]']],
  [['M', '房租这个月我先转你了'], ['T', '收到了，谢谢']],
];

export interface GroupSeed {
  name: string;
  size: number;
  family?: boolean;
  muted?: boolean;
  lines: Line[];
}

export const GROUPS: GroupSeed[] = [
  { name: '相亲相爱一家人', size: 3, family: true, lines: [['0', '今晚谁回家吃饭？'], ['1', '我七点到'], ['M', '我也回[Smile]'], ['2', '给我留点红烧肉[Laugh]'], ['0', '好，多做几个菜']] },
  { name: 'Project Phoenix', size: 6, lines: [['0', 'Standup moved to 10:15 today'], ['1', 'Slides for the client demo are in the shared drive'], ['2', "Who's taking notes on Thursday?"], ['M', 'I can do it'], ['3', 'Build is green again [ThumbsUp]'], ['0', 'Reminder: code freeze on Friday']] },
  { name: '周末羽毛球群', size: 7, muted: true, lines: [['0', '周六下午两点，老场地'], ['1', '我带球'], ['2', '+1'], ['3', "I'll be there"], ['4', '谁能订场？'], ['0', '我来订[OK]']] },
  { name: 'Book Club', size: 4, lines: [['0', 'Next pick: The Three-Body Problem'], ['1', 'Halfway through, loving it'], ['M', 'Same here!'], ['2', 'Meet at the café on Sunday?'], ['0', 'Works for me']] },
  { name: 'Lunch Crew 午饭群', size: 5, lines: [['0', '今天吃什么？'], ['1', '楼下新开的拉面店？'], ['2', "Let's go at 12"], ['3', '好'], ['M', '我也去']] },
];
