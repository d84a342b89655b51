#include "lib/name_pools.h"

namespace trm::match::bench {
namespace {

constexpr NameForm kThaiGiven[] = {
    {"สมชาย", "Somchai"},  {"สมศักดิ์", "Somsak"},    {"สมพร", "Somporn"},   {"มาลี", "Malee"},
    {"สุนีย์", "Sunee"},      {"ประเสริฐ", "Prasert"}, {"วิชัย", "Wichai"},     {"อรุณี", "Arunee"},
    {"กัญญา", "Kanya"},     {"ณัฐพงศ์", "Nattapong"}, {"ศิริพร", "Siriporn"},  {"สุภาพร", "Supaporn"},
    {"ชาตรี", "Chatri"},    {"ธนวัฒน์", "Thanawat"},  {"พรทิพย์", "Pornthip"}, {"บุญมี", "Boonmee"},
    {"สมศรี", "Somsri"},    {"จันทร์เพ็ญ", "Chanpen"}, {"อำนาจ", "Amnat"},    {"วันเพ็ญ", "Wanpen"},
    {"ปัญญา", "Panya"},     {"สุชาติ", "Suchat"},     {"นิภา", "Nipha"},      {"ยุทธนา", "Yutthana"},
    {"รัตนา", "Rattana"},   {"เกศินี", "Kesinee"},    {"ทองใบ", "Thongbai"}, {"ประยุทธ", "Prayut"},
    {"สุดารัตน์", "Sudarat"}, {"วิไล", "Wilai"},       {"อนันต์", "Anan"},      {"สมหญิง", "Somying"},
};
constexpr NameForm kThaiFamily[] = {
    {"ใจดี", "Jaidee"},        {"สุขสวัสดิ์", "Suksawat"},
    {"ทองดี", "Thongdee"},     {"แก้วมณี", "Kaewmanee"},
    {"ศรีสุข", "Srisuk"},       {"วงศ์สวัสดิ์", "Wongsawat"},
    {"บุญมา", "Boonma"},       {"ชัยมงคล", "Chaimongkol"},
    {"รัตนกร", "Rattanakorn"}, {"สุขใจ", "Sukjai"},
    {"แสงทอง", "Saengthong"}, {"ศรีวงศ์", "Sriwong"},
    {"พรหมมา", "Promma"},     {"มีสุข", "Meesuk"},
    {"ทองคำ", "Thongkham"},   {"เรืองศรี", "Ruangsri"},
    {"สมบูรณ์", "Somboon"},     {"อินทร์แก้ว", "Inkaew"},
    {"จันทร์หอม", "Chanhom"},   {"คำแก้ว", "Khamkaew"},
    {"ปัญญาดี", "Panyadee"},    {"ศรีทอง", "Srithong"},
    {"บุญเรือง", "Boonruang"},  {"แก้วใส", "Kaewsai"},
    {"สายทอง", "Saithong"},   {"ทองมา", "Thongma"},
    {"ศรีเมือง", "Srimuang"},   {"บุญประเสริฐ", "Boonprasert"},
};
constexpr NameForm kThaiPlaces[] = {
    {"เชียงใหม่", "Chiang Mai"}, {"เชียงราย", "Chiang Rai"},
    {"กรุงเทพ", "Krung Thep"},  {"ขอนแก่น", "Khon Kaen"},
    {"อุดรธานี", "Udon Thani"},  {"นครพนม", "Nakhon Phanom"},
    {"สงขลา", "Songkhla"},     {"ตาก", "Tak"},
};
constexpr NameForm kThaiMale[] = {{"นาย", "Mr"}};
constexpr NameForm kThaiFemale[] = {{"นาง", "Mrs"}, {"นางสาว", "Miss"}};

constexpr NameForm kLaoGiven[] = {
    {"ສົມສັກ", "Somsack"},       {"ບຸນມີ", "Bounmy"},
    {"ສົມພອນ", "Somphone"},     {"ຄຳໄຕ", "Khamtay"},
    {"ທອງລຸນ", "Thongloun"},    {"ບຸນຍັງ", "Bounnhang"},
    {"ສີສຸກ", "Sisouk"},         {"ວັນນາ", "Vanna"},
    {"ສຸກສະຫວັນ", "Souksavanh"}, {"ພອນສະຫວັນ", "Phonesavanh"},
    {"ຄຳພອນ", "Khamphone"},    {"ບົວພັນ", "Bouaphan"},
    {"ສົມບັດ", "Sombath"},       {"ຈັນທະລາ", "Chanthala"},
    {"ວິໄລ", "Vilay"},          {"ອານຸສອນ", "Anousone"},
    {"ດາວວົງ", "Daovong"},      {"ສີວິໄລ", "Sivilay"},
    {"ມະນີ", "Many"},           {"ສົມຈິດ", "Somchith"},
    {"ບຸນທະວີ", "Bounthavy"},    {"ຄຳສິງ", "Khamsing"},
};
constexpr NameForm kLaoFamily[] = {
    {"ພົມມະຈັນ", "Phommachanh"},  {"ສີສຸລິດ", "Sisoulith"},      {"ວໍລະຈິດ", "Vorachith"},
    {"ສີພັນດອນ", "Siphandone"},   {"ວົງສາ", "Vongsa"},         {"ມະນີວົງ", "Manivong"},
    {"ໄຊສົມພອນ", "Xaysomphone"}, {"ຈັນທະວົງ", "Chanthavong"},  {"ສຸລິຍະ", "Souliya"},
    {"ພົມມະວົງ", "Phommavong"},   {"ວົງພະຈັນ", "Vongphachanh"}, {"ສີລາວົງ", "Silavong"},
    {"ອິນທະວົງ", "Inthavong"},    {"ແກ້ວມະນີ", "Keomany"},      {"ສຸວັນນະ", "Souvanna"},
    {"ຄຳມະນີ", "Khammany"},      {"ບຸດສະດີ", "Boutsady"},      {"ສີຫາລາດ", "Sihalath"},
};
constexpr NameForm kLaoPlaces[] = {
    {"ວຽງຈັນ", "Vientiane"},
    {"ຫຼວງພະບາງ", "Luang Prabang"},
    {"ສະຫວັນນະເຂດ", "Savannakhet"},
    {"ຈຳປາສັກ", "Champasak"},
    {"ບໍ່ແກ້ວ", "Bokeo"},
};
constexpr NameForm kLaoMale[] = {{"ທ້າວ", "Mr"}};
constexpr NameForm kLaoFemale[] = {{"ນາງ", "Ms"}};

constexpr NameForm kKhmerGiven[] = {
    {"សុខា", "Sokha"},    {"ដារ៉ា", "Dara"},       {"សុភា", "Sophea"},       {"ស្រីមុំ", "Sreymom"},
    {"ពិសី", "Pisey"},     {"សុផល", "Sophal"},      {"ចាន់ថា", "Chantha"},    {"វណ្ណា", "Vanna"},
    {"រតនា", "Ratana"},  {"បុប្ផា", "Bopha"},      {"ចន្ធី", "Chanthy"},      {"សុខលី", "Sokly"},
    {"ម៉ាលី", "Maly"},     {"សុភាព", "Sopheap"},    {"ធីតា", "Thida"},        {"វិចិត្រ", "Vichet"},
    {"សំណាង", "Samnang"}, {"ស្រីនាង", "Sreyneang"}, {"សុវណ្ណារី", "Sovannary"}, {"វាសនា", "Veasna"},
};
constexpr NameForm kKhmerFamily[] = {
    {"ហេង", "Heng"}, {"ចាន់", "Chan"},  {"សុខ", "Sok"},   {"លី", "Ly"},   {"ម៉ៅ", "Mao"},
    {"ឡុង", "Long"},  {"គឹម", "Kim"},    {"សេង", "Seng"}, {"ហ៊ុន", "Hun"}, {"ជា", "Chea"},
    {"ពៅ", "Pov"},   {"កែវ", "Keo"},   {"ទេព", "Tep"},  {"ណុប", "Nop"}, {"ស៊ុន", "Sun"},
    {"អ៊ុក", "Ouk"},   {"ខៀវ", "Khiev"}, {"ម៉ម", "Mom"},
};
constexpr NameForm kKhmerPlaces[] = {
    {"ភ្នំពេញ", "Phnom Penh"}, {"សៀមរាប", "Siem Reap"}, {"បាត់ដំបង", "Battambang"},
    {"កំពត", "Kampot"},       {"ប៉ៃលិន", "Pailin"},
};
constexpr NameForm kKhmerMale[] = {{"លោក", "Mr"}};
constexpr NameForm kKhmerFemale[] = {{"លោកស្រី", "Mrs"}};

constexpr NameForm kBurmeseSyllables[] = {
    {"အောင်", "Aung"}, {"ကျော်", "Kyaw"}, {"မြင့်", "Myint"}, {"ဇော်", "Zaw"},   {"သန်း", "Than"},
    {"ထွန်း", "Htun"},  {"ခင်", "Khin"},   {"ဝင်း", "Win"},   {"နိုင်", "Naing"},  {"လှိုင်", "Hlaing"},
    {"စိန်", "Sein"},   {"သိန်း", "Thein"}, {"ဖြူ", "Phyu"},   {"နွယ်", "Nwe"},    {"မိုး", "Moe"},
    {"ထက်", "Htet"},   {"ဟိန်း", "Hein"},  {"ရွှေ", "Shwe"},   {"စု", "Su"},      {"ကြည်", "Kyi"},
    {"လင်း", "Lin"},   {"မင်း", "Min"},   {"ညို", "Nyo"},     {"ခိုင်", "Khaing"}, {"ပိုင်", "Paing"},
    {"သူ", "Thu"},     {"ဇင်", "Zin"},    {"ယု", "Yu"},      {"သီ", "Thi"},     {"ဝေ", "Wai"},
};
constexpr NameForm kBurmesePlaces[] = {
    {"ရန်ကုန်", "Yangon"},      {"မန္တလေး", "Mandalay"},    {"မြဝတီ", "Myawaddy"},
    {"တာချီလိတ်", "Tachileik"}, {"ကော့သောင်း", "Kawthaung"},
};
constexpr NameForm kBurmeseMale[] = {{"ဦး", "U"}};
constexpr NameForm kBurmeseFemale[] = {{"ဒေါ်", "Daw"}};

constexpr NameForm kChineseGiven[] = {
    {"伟", "Wei"},        {"芳", "Fang"},      {"娜", "Na"},         {"秀英", "Xiuying"},
    {"敏", "Min"},        {"静", "Jing"},      {"丽", "Li"},         {"强", "Qiang"},
    {"磊", "Lei"},        {"军", "Jun"},       {"洋", "Yang"},       {"勇", "Yong"},
    {"艳", "Yan"},        {"杰", "Jie"},       {"娟", "Juan"},       {"涛", "Tao"},
    {"明", "Ming"},       {"超", "Chao"},      {"秀兰", "Xiulan"},   {"霞", "Xia"},
    {"平", "Ping"},       {"刚", "Gang"},      {"桂英", "Guiying"},  {"小明", "Xiaoming"},
    {"建华", "Jianhua"},  {"海燕", "Haiyan"},  {"志强", "Zhiqiang"}, {"晓燕", "Xiaoyan"},
    {"国强", "Guoqiang"}, {"春梅", "Chunmei"},
};
constexpr NameForm kChineseFamily[] = {
    {"王", "Wang"}, {"李", "Li"},    {"张", "Zhang"}, {"刘", "Liu"}, {"陈", "Chen"},
    {"杨", "Yang"}, {"黄", "Huang"}, {"赵", "Zhao"},  {"吴", "Wu"},  {"周", "Zhou"},
    {"徐", "Xu"},   {"孙", "Sun"},   {"马", "Ma"},    {"朱", "Zhu"}, {"胡", "Hu"},
    {"郭", "Guo"},  {"何", "He"},    {"林", "Lin"},   {"罗", "Luo"}, {"高", "Gao"},
};
constexpr NameForm kChinesePlaces[] = {
    {"昆明", "Kunming"},  {"南宁", "Nanning"}, {"广州", "Guangzhou"},
    {"景洪", "Jinghong"}, {"瑞丽", "Ruili"},
};
constexpr NameForm kChineseMale[] = {{"先生", "Mr"}};
constexpr NameForm kChineseFemale[] = {{"女士", "Ms"}};

constexpr NameForm kVietGiven[] = {
    {"Văn An", "Van An"},         {"Thị Anh", "Thi Anh"},       {"Văn Bình", "Van Binh"},
    {"Thị Châu", "Thi Chau"},     {"Văn Dũng", "Van Dung"},     {"Thị Hà", "Thi Ha"},
    {"Văn Hải", "Van Hai"},       {"Thị Hạnh", "Thi Hanh"},     {"Thị Hoa", "Thi Hoa"},
    {"Văn Hùng", "Van Hung"},     {"Thị Hương", "Thi Huong"},   {"Đức Huy", "Duc Huy"},
    {"Minh Khánh", "Minh Khanh"}, {"Thị Lan", "Thi Lan"},       {"Thị Linh", "Thi Linh"},
    {"Văn Long", "Van Long"},     {"Thị Mai", "Thi Mai"},       {"Văn Minh", "Van Minh"},
    {"Văn Nam", "Van Nam"},       {"Thị Ngọc", "Thi Ngoc"},     {"Thị Nhung", "Thi Nhung"},
    {"Văn Phong", "Van Phong"},   {"Thị Phương", "Thi Phuong"}, {"Đức Quang", "Duc Quang"},
    {"Văn Sơn", "Van Son"},       {"Thị Thảo", "Thi Thao"},     {"Văn Thắng", "Van Thang"},
    {"Thị Trang", "Thi Trang"},   {"Văn Tuấn", "Van Tuan"},     {"Thị Yến", "Thi Yen"},
};
constexpr NameForm kVietFamily[] = {
    {"Nguyễn", "Nguyen"}, {"Trần", "Tran"},   {"Lê", "Le"},       {"Phạm", "Pham"},
    {"Hoàng", "Hoang"},   {"Huỳnh", "Huynh"}, {"Phan", "Phan"},   {"Vũ", "Vu"},
    {"Võ", "Vo"},         {"Đặng", "Dang"},   {"Bùi", "Bui"},     {"Đỗ", "Do"},
    {"Hồ", "Ho"},         {"Ngô", "Ngo"},     {"Dương", "Duong"}, {"Lý", "Ly"},
};
constexpr NameForm kVietPlaces[] = {
    {"Hà Nội", "Ha Noi"},       {"Hải Phòng", "Hai Phong"}, {"Nghệ An", "Nghe An"},
    {"Thanh Hóa", "Thanh Hoa"}, {"An Giang", "An Giang"},
};
constexpr NameForm kVietMale[] = {{"Ông", "Mr"}};
constexpr NameForm kVietFemale[] = {{"Bà", "Mrs"}};

const ScriptPools kPools[] = {
    {kThaiGiven, kThaiFamily, kThaiPlaces, kThaiMale, kThaiFemale, "TH", false},
    {kLaoGiven, kLaoFamily, kLaoPlaces, kLaoMale, kLaoFemale, "LA", false},
    {kKhmerGiven, kKhmerFamily, kKhmerPlaces, kKhmerMale, kKhmerFemale, "KH", true},
    {kBurmeseSyllables, {}, kBurmesePlaces, kBurmeseMale, kBurmeseFemale, "MM", false},
    {kChineseGiven, kChineseFamily, kChinesePlaces, kChineseMale, kChineseFemale, "CN", true},
    {kVietGiven, kVietFamily, kVietPlaces, kVietMale, kVietFemale, "VN", true},
};

}  // namespace

const ScriptPools& PoolsFor(PoolScript script) { return kPools[static_cast<int>(script)]; }

}  // namespace trm::match::bench
