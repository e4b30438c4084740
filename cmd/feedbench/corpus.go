package main

// The word banks below give the generated feed realistic shape: Chinese
// headlines and paragraphs (multi-byte UTF-8, like the feeds the service
// aggregates), a handful of desks, bylines and picture subjects.

var topics = []string{
	"城市更新", "新能源汽车", "冬季旅游", "人工智能", "乡村振兴", "跨境电商",
	"文化遗产", "体育赛事", "医疗改革", "数字经济", "生态保护", "高校招生",
	"电影市场", "航天工程", "住房保障", "半导体产业",
}

// headlineForms hold {topic} and optionally {n} (a small number).
var headlineForms = []string{
	"{topic}迎来新进展：多地出台配套措施",
	"聚焦{topic}｜记者走访一线看变化",
	"{topic}观察：从数据看今年以来的新趋势",
	"专家解读{topic}政策：释放哪些信号",
	"{topic}按下“加速键” 第{n}批项目集中开工",
	"直击{topic}现场：{n}个关键词读懂发展新格局",
}

var sentences = []string{
	"记者从有关部门获悉，今年前三季度相关领域投资同比增长百分之十二点三，增速高于全国平均水平。",
	"业内人士表示，政策红利持续释放，市场主体信心明显增强，预计全年将保持平稳较快增长。",
	"在现场，工作人员正在调试新投入使用的智能设备，整个流程比过去缩短了将近一半时间。",
	"“以前办一件事要跑好几个窗口，现在手机上就能完成。”一位市民在接受采访时说。",
	"据介绍，该项目总投资约四十六亿元，建成后可带动周边两千余人就业。",
	"专家指出，下一步应当在标准制定、人才培养和数据共享等方面持续发力。",
	"统计数据显示，十月份全市接待游客人次和旅游收入分别增长百分之十八和百分之二十一。",
	"与此同时，部分企业仍面临融资难、用工贵等问题，需要进一步优化营商环境。",
	"当天的发布会上，相关负责人逐一回应了社会关注的热点问题。",
	"从“有没有”到“好不好”，群众的获得感、幸福感、安全感不断提升。",
	"该负责人透露，明年还将新建改造一批公共服务设施，重点补齐短板弱项。",
	"多位受访者认为，技术创新正在深刻改变传统行业的生产方式和商业模式。",
	"截至目前，试点地区已累计完成改造项目三百余个，惠及居民超过十万户。",
	"据悉，相关部门将加强监管，对违法违规行为依法从严查处。",
	"夜幕降临，街区灯光亮起，前来打卡的年轻人络绎不绝。",
	"The report, released in English and Chinese, was welcomed by industry groups.",
}

var desks = []string{"要闻", "经济", "社会", "科技", "文化", "体育", "国际", "地方"}

var bylines = []string{"王晓明", "李娜", "张伟", "陈静", "刘洋", "赵磊", "Zhou Min", "Helen Wu"}

var pictureSubjects = []string{
	"项目施工现场", "市民在服务大厅办理业务", "游客在景区参观", "工人在生产线上作业",
	"新建成的社区公园", "发布会现场",
}
