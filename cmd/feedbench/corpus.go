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

// sentenceForms are filled by fillSentence: {place}, {org}, {topic},
// {person}, {num} (an integer), {pct} (one decimal) and {month}. Varying
// slots keep the text from compressing far better than real news does.
var sentenceForms = []string{
	"记者从{org}获悉，今年前{month}个月{place}{topic}相关投资同比增长{pct}%，增速高于全国平均水平。",
	"{org}有关负责人表示，政策红利持续释放，市场主体信心明显增强，预计全年{topic}领域将保持{pct}%左右的增长。",
	"在{place}的项目现场，工作人员正在调试新投入使用的{num}台智能设备，整个流程比过去缩短了将近{pct}%的时间。",
	"“以前办一件事要跑{num}个窗口，现在手机上就能完成。”{place}市民{person}在接受采访时说。",
	"据介绍，该项目总投资约{num}亿元，建成后可带动{place}周边{num}余人就业。",
	"{org}专家{person}指出，{topic}下一步应当在标准制定、人才培养和数据共享等方面持续发力。",
	"统计数据显示，{month}月份{place}接待游客{num}万人次，旅游收入增长{pct}%。",
	"与此同时，{place}部分企业仍面临融资难、用工贵等问题，{org}表示将进一步优化营商环境。",
	"当天的发布会上，{org}相关负责人逐一回应了社会关注的{num}个热点问题。",
	"从“有没有”到“好不好”，{place}群众的获得感、幸福感、安全感不断提升。",
	"{person}透露，{place}明年还将新建改造{num}个公共服务设施，重点补齐{topic}短板弱项。",
	"多位受访者认为，{topic}正在深刻改变{place}传统行业的生产方式和商业模式。",
	"截至{month}月底，{place}已累计完成改造项目{num}个，惠及居民超过{num}户。",
	"据悉，{org}将加强对{topic}领域的监管，对违法违规行为依法从严查处，目前已立案{num}起。",
	"夜幕降临，{place}的街区灯光亮起，前来打卡的年轻人络绎不绝，单日客流突破{num}人次。",
	"{org}发布的报告显示，{place}{topic}指数连续{num}个月位于扩张区间，最新读数为{pct}。",
	"{person}说，今年以来团队共走访企业{num}家，收集意见建议{num}条，已办结{pct}%。",
	"按照计划，{place}第{num}批{topic}试点将于{month}月前全部完工并投入使用。",
	"{place}一家企业负责人{person}告诉记者，订单量比去年同期增加了{pct}%，生产线已满负荷运转。",
	"业内人士分析，{topic}的竞争正从规模扩张转向质量提升，{org}的数据印证了这一判断。",
	"The {org} said {topic} spending in {place} rose {pct}% in the first {month} months, according to figures released on Monday.",
	"{person}, a resident of {place}, said the new service had saved her about {num} minutes a day.",
}

var places = []string{
	"北京市", "上海浦东", "广州南沙", "深圳前海", "杭州滨江", "成都高新区", "武汉光谷", "西安曲江",
	"重庆两江新区", "苏州工业园区", "南京江北新区", "天津滨海新区", "青岛西海岸", "厦门自贸片区",
	"长沙湘江新区", "合肥包河区", "郑州航空港", "昆明呈贡", "哈尔滨松北", "乌鲁木齐",
}

var orgs = []string{
	"市发展改革委", "国家统计局", "省商务厅", "市文化和旅游局", "市住房城乡建设局", "工业和信息化部",
	"市场监管总局", "省教育厅", "市卫生健康委", "中国社会科学院", "生态环境局", "人民银行分行",
}

var desks = []string{"要闻", "经济", "社会", "科技", "文化", "体育", "国际", "地方"}

var bylines = []string{"王晓明", "李娜", "张伟", "陈静", "刘洋", "赵磊", "Zhou Min", "Helen Wu"}

var pictureSubjects = []string{
	"项目施工现场", "市民在服务大厅办理业务", "游客在景区参观", "工人在生产线上作业",
	"新建成的社区公园", "发布会现场",
}
