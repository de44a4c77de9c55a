namespace AiSales.AiAgent.Agent.Offline.Understanding.Lexicons;

/// <summary>
/// Arabic written in Latin letters and digits, word by word, for the words the lexicons need and letter-by-letter transliteration gets
/// wrong (vowels are mostly unwritten in Arabic, and "shanta" should find "شنطه", not "شنتا"). Keys are folded (lower-case).
/// </summary>
internal static class ArabiziWords
{
    public static readonly IReadOnlyDictionary<string, string> Words = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // wanting and ordering
        ["abgha"] = "ابغى", ["abga"] = "ابغى", ["abghi"] = "ابغى", ["abgh"] = "ابغى", ["abi"] = "ابي", ["aby"] = "ابي", ["abee"] = "ابي", ["abeeh"] = "ابيه",
        ["abiha"] = "ابيها", ["bghit"] = "بغيت", ["bghyt"] = "بغيت", ["nbghi"] = "نبغي", ["bdi"] = "بدي", ["baddi"] = "بدي", ["biddi"] = "بدي",
        ["3ayez"] = "عايز", ["3ayz"] = "عايز", ["3awez"] = "عاوز", ["3awz"] = "عاوز", ["3ayza"] = "عايزه", ["areed"] = "اريد", ["ariid"] = "اريد",
        ["orid"] = "اريد", ["arid"] = "اريد", ["areid"] = "اريد", ["atlob"] = "اطلب", ["atlub"] = "اطلب", ["atlb"] = "اطلب", ["ashtri"] = "اشتري", ["ashtari"] = "اشتري", ["5othli"] = "خذلي",
        ["khodli"] = "خذلي", ["3tni"] = "عطني", ["3teni"] = "عطيني", ["3tini"] = "عطيني", ["jeebli"] = "جيبلي", ["jibli"] = "جيبلي", ["hatli"] = "هاتلي",
        ["wdi"] = "ودي", ["7aga"] = "حاجه", ["7aja"] = "حاجه", ["a3raf"] = "اعرف", ["a3rf"] = "اعرف", ["wddi"] = "ودي",
        // price and availability
        ["bkam"] = "بكام", ["bikam"] = "بكام", ["bekam"] = "بكام", ["bkm"] = "بكم", ["bakam"] = "بكم", ["kam"] = "كم", ["b"] = "ب", ["sh7al"] = "شحال",
        ["bsh7al"] = "بشحال", ["ch7al"] = "شحال", ["bch7al"] = "بشحال", ["9adesh"] = "قديش", ["adesh"] = "قديش", ["2adesh"] = "قديش", ["addesh"] = "قديش",
        ["bi2adesh"] = "بقديش", ["shgad"] = "شكد", ["shgd"] = "شكد", ["beesh"] = "بيش", ["s3r"] = "سعر", ["se3r"] = "سعر", ["si3r"] = "سعر",
        ["s3ra"] = "سعره", ["se3rha"] = "سعرها", ["as3ar"] = "اسعار", ["as3arkom"] = "اسعاركم", ["as3arkm"] = "اسعاركم", ["3ndkom"] = "عندكم", ["3andkom"] = "عندكم", ["3indkom"] = "عندكم",
        ["3ndkm"] = "عندكم", ["3indkum"] = "عندكم", ["3ndkum"] = "عندكم", ["3andkum"] = "عندكم", ["3andakom"] = "عندكم", ["3ndk"] = "عندك", ["3andak"] = "عندك", ["3ndko"] = "عندكو", ["fee"] = "فيه", ["fi"] = "في",
        ["fih"] = "فيه", ["feeh"] = "فيه", ["mawjood"] = "موجود", ["mawjod"] = "موجود", ["mtwfr"] = "متوفر", ["mitwafer"] = "متوفر", ["mutawafer"] = "متوفر",
        ["kayn"] = "كاين", ["kain"] = "كاين", ["wash"] = "واش", ["ako"] = "اكو",
        // question words
        ["wesh"] = "وش", ["wsh"] = "وش", ["esh"] = "ايش", ["eish"] = "ايش", ["aish"] = "ايش", ["shu"] = "شو", ["shou"] = "شو", ["shno"] = "شنو",
        ["shino"] = "شنو", ["ween"] = "وين", ["wain"] = "وين", ["wen"] = "وين", ["feen"] = "فين", ["fen"] = "فين", ["mata"] = "متى", ["emta"] = "امتى",
        ["kaif"] = "كيف", ["kef"] = "كيف", ["keef"] = "كيف", ["hal"] = "هل",
        // courtesy, greeting, yes and no
        ["shukran"] = "شكرا", ["shokran"] = "شكرا", ["shkran"] = "شكرا", ["shokrn"] = "شكرا", ["mashkoor"] = "مشكور", ["mashkor"] = "مشكور",
        ["tislam"] = "تسلم", ["teslam"] = "تسلم", ["ya3tik"] = "يعطيك", ["ya3teek"] = "يعطيك", ["al3afya"] = "العافيه", ["el3afya"] = "العافيه",
        ["al3afia"] = "العافيه", ["3afya"] = "العافيه", ["salam"] = "سلام", ["slm"] = "سلام", ["salamo"] = "السلام", ["assalam"] = "السلام",
        ["alsalam"] = "السلام", ["alaikum"] = "عليكم", ["alaykum"] = "عليكم", ["3alaikom"] = "عليكم", ["3likom"] = "عليكم", ["marhaba"] = "مرحبا",
        ["mar7aba"] = "مرحبا", ["ahlan"] = "اهلا", ["ahleen"] = "اهلين", ["hala"] = "هلا", ["halla"] = "هلا", ["na3am"] = "نعم", ["aywa"] = "ايوه",
        ["aiwa"] = "ايوه", ["aiwah"] = "ايوه", ["eywa"] = "ايوه", ["akeed"] = "اكيد", ["akid"] = "اكيد", ["tamam"] = "تمام", ["tmam"] = "تمام",
        ["mwafeq"] = "موافق", ["mowafeq"] = "موافق", ["akkid"] = "اكد", ["la"] = "لا", ["la2"] = "لا", ["laa"] = "لا",
        ["yalla"] = "يلا", ["khalas"] = "خلاص", ["5alas"] = "خلاص", ["5las"] = "خلاص", ["khlas"] = "خلاص", ["khalass"] = "خلاص", ["5alass"] = "خلاص", ["zain"] = "زين", ["zein"] = "زين", ["mashi"] = "ماشي", ["tayeb"] = "طيب", ["6ayeb"] = "طيب", ["wakha"] = "واخا",
        ["inshallah"] = "ان شاء الله", ["nshallah"] = "ان شاء الله", ["habibi"] = "حبيبي", ["7abibi"] = "حبيبي", ["ma3a"] = "مع", ["elsalama"] = "السلامه",
        // the order
        ["5alha"] = "خلها", ["khalha"] = "خلها", ["khaliha"] = "خليها", ["5aliha"] = "خليها", ["khalliha"] = "خليها", ["sheel"] = "شيل", ["sheelah"] = "شيله",
        ["shil"] = "شيل", ["ilghi"] = "الغي", ["elghi"] = "الغي", ["alghi"] = "الغي", ["kansel"] = "كنسل", ["6alabi"] = "طلبي", ["talabi"] = "طلبي",
        ["6alab"] = "طلب", ["talab"] = "طلب", ["el6alab"] = "الطلب", ["al6alab"] = "الطلب", ["altalab"] = "الطلب", ["eltalab"] = "الطلب",
        ["zeed"] = "زيد", ["zid"] = "زيد", ["wa7da"] = "وحده", ["wa7ed"] = "واحد", ["wa7id"] = "واحد", ["7aba"] = "حبه", ["7abteen"] = "حبتين",
        ["7abtain"] = "حبتين", ["thntain"] = "ثنتين", ["thintain"] = "ثنتين", ["ithnain"] = "اثنين", ["etnen"] = "اتنين", ["thalath"] = "ثلاث",
        ["talata"] = "تلاته", ["wa7ad"] = "واحد", ["wahad"] = "واحد", ["wa7d"] = "واحد", ["wa7de"] = "وحده", ["wahde"] = "وحده", ["wahda"] = "وحده",
        ["wa7deh"] = "وحده", ["tnen"] = "تنين", ["thnen"] = "ثنين", ["thnein"] = "ثنين", ["tlath"] = "تلاث", ["tnein"] = "تنين", ["itnen"] = "اتنين", ["tneen"] = "تنين", ["tintein"] = "تنتين", ["tnten"] = "تنتين",
        // people and contacts
        ["mowazaf"] = "موظف", ["muwazzaf"] = "موظف", ["mwazaf"] = "موظف", ["mowazzaf"] = "موظف", ["akalem"] = "اكلم", ["aklm"] = "اكلم",
        ["ahki"] = "احكي", ["a7ki"] = "احكي", ["ma3"] = "مع", ["7ad"] = "حد", ["a7ad"] = "احد", ["ismi"] = "اسمي", ["esmi"] = "اسمي", ["ism"] = "اسم",
        ["3nwan"] = "العنوان", ["3enwan"] = "العنوان", ["3nwani"] = "عنواني", ["3enwani"] = "عنواني", ["raqmi"] = "رقمي", ["ra8mi"] = "رقمي",
        ["rqmi"] = "رقمي", ["jawali"] = "جوالي",
        // shop questions
        ["yewsal"] = "يوصل", ["yiwsal"] = "يوصل", ["yosal"] = "يوصل", ["yoosal"] = "يوصل", ["yewsalni"] = "يوصلني", ["tewsal"] = "توصل",
        ["twslon"] = "توصلون", ["twsloon"] = "توصلون", ["twasloon"] = "توصلون", ["tewasloon"] = "توصلون", ["tosloon"] = "توصلون",
        ["el7in"] = "الحين", ["al7in"] = "الحين", ["el7een"] = "الحين", ["l7in"] = "الحين", ["elyom"] = "اليوم", ["alyom"] = "اليوم",
        ["yom"] = "اليوم", ["youm"] = "اليوم", ["yoom"] = "اليوم", ["bokra"] = "بكره", ["bukra"] = "بكره",
        ["tawseel"] = "التوصيل", ["taw9eel"] = "التوصيل", ["twseel"] = "التوصيل", ["tawsil"] = "التوصيل", ["shahn"] = "الشحن", ["sha7n"] = "الشحن",
        ["dawam"] = "الدوام", ["mawqe3kom"] = "موقعكم", ["mawqi3kom"] = "موقعكم", ["ma7alkom"] = "محلكم", ["maw9e3kom"] = "موقعكم", ["edfa3"] = "ادفع",
        ["dafe3"] = "الدفع", ["daf3"] = "الدفع", ["kash"] = "كاش", ["erja3"] = "ارجاع", ["irja3"] = "ارجاع", ["estebdal"] = "استبدال",
        // colours
        ["aswad"] = "اسود", ["sooda"] = "سودا", ["sawda"] = "سودا", ["souda"] = "سودا", ["soda"] = "سودا", ["abyad"] = "ابيض", ["abyadh"] = "ابيض",
        ["bee9a"] = "بيضا", ["bay9a"] = "بيضا", ["beeda"] = "بيضا", ["baida"] = "بيضا", ["bidha"] = "بيضا", ["ahmar"] = "احمر", ["a7mar"] = "احمر",
        ["7amra"] = "حمرا", ["hamra"] = "حمرا", ["azra2"] = "ازرق", ["azraq"] = "ازرق", ["azrag"] = "ازرق", ["zar2a"] = "زرقا", ["zarqa"] = "زرقا",
        ["akhdar"] = "اخضر", ["a5dar"] = "اخضر", ["khadra"] = "خضرا", ["5adra"] = "خضرا", ["bunni"] = "بني", ["bni"] = "بني", ["bonni"] = "بني",
        ["wardi"] = "وردي", ["zahri"] = "زهري", ["dahabi"] = "ذهبي", ["thahabi"] = "ذهبي", ["fe9i"] = "فضي", ["fiddi"] = "فضي", ["fodi"] = "فضي",
        ["rmadi"] = "رمادي", ["ramadi"] = "رمادي", ["rasasi"] = "رصاصي", ["ka7li"] = "كحلي", ["kuhli"] = "كحلي", ["asfar"] = "اصفر", ["safra"] = "صفرا",
        ["bortoqali"] = "برتقالي", ["burtuqali"] = "برتقالي", ["lon"] = "لون", ["loon"] = "لون", ["lawn"] = "لون", ["alwan"] = "الوان",
        ["alwana"] = "الوانه", ["alwanah"] = "الوانه", ["alwano"] = "الوانه", ["alwanha"] = "الوانها", ["lona"] = "لونه", ["lonah"] = "لونه",
        ["lono"] = "لونه", ["lonha"] = "لونها", ["loneh"] = "لونه",
        // products that come up often
        ["shanta"] = "شنطه", ["shanteh"] = "شنطه", ["shantah"] = "شنطه", ["shnta"] = "شنطه", ["7a8iba"] = "حقيبه", ["ha8iba"] = "حقيبه",
        ["3tr"] = "عطر", ["3etr"] = "عطر", ["3itr"] = "عطر", ["3otor"] = "عطور", ["3ood"] = "عود", ["3od"] = "عود", ["3abaya"] = "عبايه",
        ["3baya"] = "عبايه", ["fustan"] = "فستان", ["fostan"] = "فستان", ["jazma"] = "جزمه", ["7itha"] = "حذاء", ["hitha"] = "حذاء",
        ["joota"] = "جوتي", ["sa3a"] = "ساعه", ["saa3a"] = "ساعه", ["nadara"] = "نظاره", ["na6ara"] = "نظاره", ["thob"] = "ثوب", ["thoob"] = "ثوب",
        ["shimagh"] = "شماغ", ["ma2as"] = "مقاس", ["ma8as"] = "مقاس", ["mgas"] = "مقاس", ["size"] = "مقاس", ["kbeer"] = "كبير", ["kbir"] = "كبير", ["kbeera"] = "كبيره", ["kbira"] = "كبيره", ["kebira"] = "كبيره", ["kbeerah"] = "كبيره",
        ["sgheera"] = "صغيره", ["9gheera"] = "صغيره", ["sghira"] = "صغيره", ["zgheera"] = "صغيره",
        ["9ghir"] = "صغير", ["sgheer"] = "صغير", ["9gheer"] = "صغير", ["wasat"] = "وسط",
        // glue words
        ["ana"] = "انا", ["w"] = "و", ["wa"] = "و", ["min"] = "من", ["mn"] = "من", ["3la"] = "على", ["3ala"] = "على", ["el"] = "ال", ["al"] = "ال",
        ["hatha"] = "هذا", ["hadha"] = "هذا", ["hada"] = "هذا", ["hadi"] = "هذي", ["hathi"] = "هذي", ["da"] = "ده", ["di"] = "دي", ["lw"] = "لو",
        ["law"] = "لو", ["sama7t"] = "سمحت", ["lo"] = "لو", ["m3"] = "مع",
    };

    /// <summary>Arabizi words that are also English or names ("hala", "la", "min"): they never make a message Arabizi on their own.</summary>
    public static readonly IReadOnlySet<string> Ambiguous = new HashSet<string>(
        ["la", "b", "w", "wa", "min", "mn", "el", "al", "ana", "da", "di", "fee", "fi", "hal", "lo", "law", "size", "wash", "esh", "kash", "hala", "abi",
            "talab", "soda", "mata", "wen", "fen", "ism", "zain", "lon", "loon", "lawn", "ako", "kam"],
        StringComparer.Ordinal);
}
