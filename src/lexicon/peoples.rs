//! Plurals that name a people or the followers of a faith with no country named after them
//! ("Kurds", "Muslims"): GUM and Wikipedia treat such a group of people as a person-like
//! entity, named by the plural. The peoples of countries come from country data
//! (gazetteers/data/demonyms.txt); this list adds the rest.
//!
//! What it covers, and nothing else: the adherents of the major world religions and of their
//! main branches and denominations; the largest living ethnic groups that no country is named
//! after (peoples without a state, peoples spread over several states, and the main peoples
//! within multi-ethnic states); the Indigenous peoples of the Americas and Oceania most written
//! about. Historical peoples are left out, and so are plurals that are also names or places
//! ("Roma", "Sami") and names that are their own adjective ("Inuit", "Druze": "an Inuit
//! village"). Written as in news, in the plural.
#[rustfmt::skip]
pub(crate) const PEOPLES: &[&str] = &[
    // faiths and their branches
    "Christians", "Muslims", "Jews", "Hindus", "Buddhists", "Sikhs", "Jains", "Zoroastrians",
    "Taoists", "Catholics", "Protestants", "Anglicans", "Lutherans", "Methodists", "Baptists",
    "Presbyterians", "Evangelicals", "Pentecostals", "Mormons", "Quakers", "Mennonites",
    "Sunnis", "Shias", "Shiites", "Sufis", "Alawites", "Ismailis", "Copts", "Maronites",
    "Yazidis", "Rastafarians", "Hasidim",
    // peoples with no country of their name, or within larger states
    "Arabs", "Kurds", "Berbers", "Tamils", "Pashtuns", "Hazaras", "Uyghurs", "Uighurs",
    "Tibetans", "Tatars", "Chechens", "Circassians", "Basques", "Catalans", "Flemings",
    "Walloons", "Serbs", "Croats", "Bosniaks", "Azeris", "Kazakhs", "Uzbeks", "Tajiks",
    "Persians", "Bedouins", "Zulus", "Hutus", "Tutsis", "Igbos", "Yorubas", "Oromos", "Amharas",
    "Tigrayans", "Afrikaners", "Bengalis", "Punjabis", "Sindhis", "Hispanics", "Latinos",
    // Indigenous peoples of the Americas and Oceania
    "Cherokees", "Navajos", "Apaches", "Mohawks", "Aborigines",
];
